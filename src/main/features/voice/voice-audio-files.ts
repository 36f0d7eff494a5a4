import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { wavFile } from './pcm'

/**
 * Both sides' audio of a session as WAV files under `<data>/voice/<session>/` (outside files/, whose
 * garbage collection removes what no blob row knows). Rows hold paths relative to the data folder.
 */
export class VoiceAudioFiles {
  constructor(private readonly dataDir: string) {}

  write(sessionId: string, name: string, pcm: Buffer): string {
    const rel = `voice/${sessionId}/${name}.wav`
    mkdirSync(join(this.dataDir, 'voice', sessionId), { recursive: true })
    writeFileSync(join(this.dataDir, rel), wavFile(pcm))
    return rel
  }

  removeSession(sessionId: string): void {
    rmSync(join(this.dataDir, 'voice', sessionId), { recursive: true, force: true })
  }
}
