import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { transcription as recordedTranscription } from './endpoints'
import { sample } from './samples'
import type { Reply } from './types'

type Json = Record<string, unknown>
interface Line {
  start: number
  end: number
  text: string
  speaker?: string
}

/** The fake's reading pace: speech is this many characters a second (at speed 1). */
export const FAKE_CHARS_PER_SECOND = 15
const speechCache = new Map<string, Buffer>()
let lineCursor = 0

/**
 * Transcriptions beyond the recorded samples: `reply.lines` become lines every `lineEveryS` seconds
 * over the uploaded audio's real length (probed), so long files cut into pieces get answers that
 * fit each piece; `diarized_json` labels speakers; `json` reports token usage for that length.
 * Anything else is the recorded sample (endpoints.transcription).
 */
export function transcription(form: Record<string, unknown>, reply?: Reply): { type: string; body: string } {
  const format = String(form.response_format ?? 'json')
  if (!reply?.lines && format !== 'diarized_json' && !wantsWords(form, reply))
    return recordedTranscription(form, reply)
  const upload = form.file as { filename: string; content: Buffer } | undefined
  const durationS = reply?.lines && upload ? probeSeconds(upload.content, upload.filename) : 0
  const lines = reply?.lines ? timedLines(reply, durationS) : scripted(reply)
  const text = lines.map((l) => l.text).join(' ')
  if (format === 'diarized_json') return json(diarized(lines, text, durationS))
  if (format === 'verbose_json') {
    const verbose = sample('transcription-verbose-json-segments.json')
    const template = (verbose.segments as Json[])[0]
    verbose.segments = lines.map((l, id) => ({
      ...template,
      id,
      start: l.start,
      end: l.end,
      text: ` ${l.text}`
    }))
    verbose.text = text
    verbose.duration = durationS || (lines.at(-1)?.end ?? verbose.duration)
    verbose.usage = { type: 'duration', seconds: Math.ceil(Number(verbose.duration)) }
    if (reply?.language) verbose.language = reply.language
    if ([form['timestamp_granularities[]']].flat().includes('word')) verbose.words = wordsOf(lines)
    return json(verbose)
  }
  const body = sample('transcription-json-gpt-4o-mini-transcribe.json')
  body.text = text
  body.usage = tokenUsage(durationS, text)
  return json(body)
}

function wantsWords(form: Record<string, unknown>, reply?: Reply): boolean {
  return Boolean(reply?.segments) && [form['timestamp_granularities[]']].flat().includes('word')
}

function json(body: unknown): { type: string; body: string } {
  return { type: 'application/json', body: JSON.stringify(body) }
}

function scripted(reply?: Reply): Line[] {
  if (reply?.segments) return reply.segments.map((s, i) => ({ ...s, speaker: speakerOf(reply, i) }))
  const recorded = sample('transcription-verbose-json-segments.json')
  return [{ start: 0, end: 2, text: String(recorded.text), speaker: 'A' }]
}

function speakerOf(reply: Reply | undefined, index: number): string {
  const speakers = reply?.speakers ?? ['A', 'B']
  return speakers[index % speakers.length] as string
}

/** One line every `lineEveryS` seconds up to the audio's end, the script read on across requests. */
function timedLines(reply: Reply, durationS: number): Line[] {
  const every = reply.lineEveryS ?? 4
  const script = reply.lines ?? []
  const out: Line[] = []
  for (let start = 0; start < durationS - 0.2; start += every) {
    const index = lineCursor++
    out.push({
      start: round(start),
      end: round(Math.min(durationS, start + every)),
      text: script[index % script.length] as string,
      speaker: speakerOf(reply, index)
    })
  }
  return out
}

function diarized(lines: Line[], text: string, durationS: number): Json {
  return {
    task: 'transcribe',
    duration: durationS || (lines.at(-1)?.end ?? 0),
    text,
    segments: lines.map((l, i) => ({
      type: 'transcript.text.segment',
      id: `seg_${i}`,
      start: l.start,
      end: l.end,
      text: l.text,
      speaker: l.speaker ?? 'A'
    })),
    usage: tokenUsage(durationS, text)
  }
}

/** The token usage shape gpt-4o transcription models report (singular input_token_details). */
function tokenUsage(durationS: number, text: string): Json {
  const audio = Math.max(1, Math.round(durationS * 10))
  const output = Math.max(1, Math.ceil(text.length / 4))
  return {
    type: 'tokens',
    total_tokens: audio + output,
    input_tokens: audio,
    input_token_details: { text_tokens: 0, audio_tokens: audio },
    output_tokens: output
  }
}

function wordsOf(lines: Line[]): { word: string; start: number; end: number }[] {
  return lines.flatMap((line) => {
    const words = line.text.split(/\s+/u).filter(Boolean)
    const step = (line.end - line.start) / Math.max(1, words.length)
    return words.map((word, i) => ({
      word: word.replace(/[^\p{L}\p{N}'-]/gu, ''),
      start: round(line.start + i * step),
      end: round(line.start + (i + 1) * step)
    }))
  })
}

function probeSeconds(content: Buffer, filename: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'fake-openai-'))
  try {
    const file = join(dir, filename.replace(/[^\w.-]/g, '_') || 'upload')
    writeFileSync(file, content)
    const probe = spawnSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
      {
        encoding: 'utf8'
      }
    )
    return Number(probe.stdout.trim()) || 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const ENCODE: Record<string, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '48k', '-id3v2_version', '0', '-f', 'mp3'],
  opus: ['-c:a', 'libopus', '-b:a', '32k', '-f', 'ogg'],
  aac: ['-c:a', 'aac', '-b:a', '48k', '-f', 'adts'],
  flac: ['-c:a', 'flac', '-f', 'flac'],
  wav: ['-c:a', 'pcm_s16le', '-f', 'wav'],
  pcm: ['-c:a', 'pcm_s16le', '-f', 's16le']
}

/** Real encoded speech-like audio (24 kHz mono tone bursts) whose length follows the text and speed. */
export function speechAudio(body: Json): { type: string; audio: Buffer } {
  const format = String(body.response_format ?? 'mp3')
  const speed = Number(body.speed ?? 1) || 1
  const seconds = Math.max(0.5, String(body.input ?? '').length / FAKE_CHARS_PER_SECOND / speed)
  const key = `${format}:${seconds.toFixed(3)}`
  let audio = speechCache.get(key)
  if (!audio) {
    const fade = Math.min(0.05, seconds / 4)
    const source = `sine=frequency=330:sample_rate=24000:duration=${seconds.toFixed(3)},afade=t=in:d=${fade},afade=t=out:st=${(seconds - fade).toFixed(3)}:d=${fade}`
    const run = spawnSync(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        source,
        '-ac',
        '1',
        ...(ENCODE[format] ?? ENCODE.mp3!),
        'pipe:1'
      ],
      { maxBuffer: 512 * 1024 * 1024 }
    )
    if (run.status !== 0) throw new Error(`ffmpeg could not make fake speech: ${run.stderr.toString()}`)
    audio = run.stdout
    speechCache.set(key, audio)
  }
  const types: Record<string, string> = {
    mp3: 'audio/mpeg',
    opus: 'audio/ogg',
    aac: 'audio/aac',
    flac: 'audio/flac',
    wav: 'audio/wav'
  }
  return { type: types[format] ?? 'application/octet-stream', audio }
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000
}
