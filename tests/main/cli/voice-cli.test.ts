import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runTs } from '../../support/spawn'
import { media, tempDir } from '../../support/temp'
import { fakeRealtime } from '../../support/voice'

const CLI = 'src/main/cli/main.ts'

/** The first three seconds of a real recording of spoken English, as a WAV file. */
function questionWav(): string {
  const file = join(tempDir(), 'question.wav')
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', media('audio', 'jfk.flac'), '-t', '3', file])
  expect(made.status, made.stderr.toString()).toBe(0)
  return file
}

function ffprobe(file: string): { codec: string; rate: string; seconds: number } {
  const out = spawnSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate:format=duration', '-of', 'json', file],
    { encoding: 'utf8' }
  )
  const json = JSON.parse(out.stdout) as {
    streams: { codec_name: string; sample_rate: string }[]
    format: { duration: string }
  }
  return {
    codec: json.streams[0]?.codec_name ?? '',
    rate: json.streams[0]?.sample_rate ?? '',
    seconds: Number(json.format.duration)
  }
}

describe('framewise voice', () => {
  it('speaks a WAV file into a session, runs a tool, writes the spoken answer and prints the turn', async () => {
    const fake = await fakeRealtime()
    fake.script({ toolCall: { name: 'search_library', arguments: '{"query":"americans"}' } })
    const env = {
      FRAMEWISE_DATA_DIR: tempDir(),
      OPENAI_API_KEY: 'sk-cli-voice',
      OPENAI_BASE_URL: fake.baseURL
    }
    const reply = join(tempDir(), 'reply.wav')
    const args = [
      'voice',
      '--input',
      questionWav(),
      '--local-tools',
      '--voice',
      'cedar',
      '--out',
      reply,
      '--fast',
      '--json'
    ]
    const result = await runTs(CLI, args, env)
    expect(result.code, result.stderr).toBe(0)
    const doc = JSON.parse(result.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      userTranscript: 'What do I have about foxes?',
      assistantTranscript: 'You have one video about a red fox in the snow.',
      audioPath: reply,
      audioDurationS: 1.2,
      toolCalls: [{ name: 'search_library', arguments: '{"query":"americans"}', output: '{"results":[]}' }],
      usage: { inputTokens: 264, outputTokens: 376, audioInputTokens: 146, audioOutputTokens: 294 }
    })
    expect(doc.firstAudioMs).toEqual(expect.any(Number))
    expect(doc.costUsd).toBeGreaterThan(0)
    expect(ffprobe(reply)).toEqual({ codec: 'pcm_s16le', rate: '24000', seconds: 1.2 })
    // The file went up as microphone audio: 3 s of speech and the trailing silence, in 100 ms chunks.
    const appends = fake.connections[0]?.received.filter((e) => e.type === 'input_audio_buffer.append') ?? []
    expect(appends.length).toBe(45)
    expect(fake.connections[0]?.headers.authorization).toBe('Bearer sk-cli-voice')

    const listed = await runTs(CLI, ['voice', 'sessions', '--search', 'foxes', '--json'], env)
    expect(listed.code, listed.stderr).toBe(0)
    const sessions = (JSON.parse(listed.stdout) as { items: { id: string }[] }).items
    expect(sessions.map((s) => s.id)).toEqual([doc.sessionId])
    const exported = await runTs(CLI, ['voice', 'export', String(doc.sessionId)], env)
    expect(exported.stdout).toContain('**Tool** `search_library({"query":"americans"})`')
  })

  it('fails plainly when the Realtime API is not there', async () => {
    const env = {
      FRAMEWISE_DATA_DIR: tempDir(),
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1'
    }
    const result = await runTs(CLI, ['voice', '--input', questionWav(), '--fast', '--json'], env)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'AI_OFFLINE' } })
  })
})
