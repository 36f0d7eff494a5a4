import { spawn } from 'node:child_process'
import { AppError } from '@shared/errors'
import { resolveTool } from '../platform/ffmpeg/binaries'
import { lastLines } from '../platform/process-runner'

/** Decodes any audio file ffmpeg reads into what the Realtime API hears: PCM16 mono 24 kHz. */
export async function decodeToPcm24k(file: string, ffmpegSetting: string): Promise<Buffer> {
  const ffmpeg = await resolveTool('ffmpeg', { setting: ffmpegSetting || undefined })
  if (!ffmpeg.ok || !ffmpeg.path)
    throw new AppError('FFMPEG_MISSING', 'ffmpeg was not found; `framewise doctor` says where it looks.')
  const args = ['-v', 'error', '-nostdin', '-i', file, '-vn', '-ac', '1', '-ar', '24000', '-f', 's16le', '-']
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg.path as string, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', (error) => reject(new AppError('FFMPEG_MISSING', error.message)))
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(chunks))
      reject(new AppError('MEDIA_DECODE_FAILED', `ffmpeg could not decode ${file}: ${lastLines(stderr, 3)}`))
    })
  })
}
