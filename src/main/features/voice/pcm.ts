/** Realtime audio is PCM16 mono at 24 kHz, both ways. */
export const SAMPLE_RATE = 24_000
const BYTES_PER_MS = (SAMPLE_RATE * 2) / 1000

/** Splits PCM into pieces of at most `maxMs` (whole samples), so events stay small. */
export function splitPcm(pcm: Buffer, maxMs = 100): Buffer[] {
  const size = Math.max(2, Math.floor((maxMs * BYTES_PER_MS) / 2) * 2)
  const pieces: Buffer[] = []
  for (let at = 0; at < pcm.length; at += size) pieces.push(pcm.subarray(at, Math.min(pcm.length, at + size)))
  return pieces
}

/** A WAV file (44-byte RIFF header) around PCM16 mono samples. */
export function wavFile(pcm: Buffer, sampleRate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + pcm.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(pcm.length, 40)
  return Buffer.concat([header, pcm])
}
