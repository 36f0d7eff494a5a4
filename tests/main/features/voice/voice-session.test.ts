import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answered, ofType, sendAudio, spokenTurn, start, voiceSetup, speech } from '../../../support/voice'

const ANSWER = 'You have one video about a red fox in the snow.'

describe('a voice session over the GA Realtime protocol', () => {
  it('configures the session, hears a spoken turn, runs a library tool, speaks the answer and stores it all', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.script({ toolCall: { name: 'search_library', arguments: '{"query":"fox"}' } })
    const sessionId = await start(app, {
      instructions: 'Answer briefly.',
      voice: 'cedar',
      silenceDurationMs: 500,
      saveAudio: true,
      noiseReduction: 'near_field',
      maxOutputTokens: 800
    })
    await sendAudio(app, sessionId, spokenTurn())
    await answered(events)

    // The GA endpoint and session shape, the key as a Bearer header, no beta header.
    const [connection] = fake.connections
    expect(connection?.url).toBe('/v1/realtime?model=gpt-realtime')
    expect(connection?.headers.authorization).toBe('Bearer sk-test-secret-key-123')
    expect(connection?.headers['openai-beta']).toBeUndefined()
    const update = connection?.received.find((e) => e.type === 'session.update') as {
      session: Record<string, unknown>
    }
    expect(update.session).toMatchObject({
      type: 'realtime',
      instructions: 'Answer briefly.',
      output_modalities: ['audio'],
      max_output_tokens: 800,
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          turn_detection: {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: 500
          },
          transcription: { model: 'gpt-4o-mini-transcribe' },
          noise_reduction: { type: 'near_field' }
        },
        output: { voice: 'cedar' }
      }
    })
    expect((update.session.tools as { name: string }[]).map((t) => t.name)).toEqual([
      'search_library',
      'read_video',
      'find_moment'
    ])

    // The page heard both sides: speech start/stop, the user's words, the answer's words and audio.
    expect(ofType(events, 'speech').map((e) => e.state)).toEqual(['started', 'stopped'])
    // The user's place in the transcript comes at the commit; the words follow.
    expect(ofType(events, 'transcript')[0]).toMatchObject({ role: 'user', text: '', final: false })
    expect(ofType(events, 'transcript').find((e) => e.role === 'user' && e.final)?.text).toBe(
      'What do I have about foxes?'
    )
    const deltas = ofType(events, 'transcript').filter((e) => e.role === 'assistant' && !e.final)
    expect(deltas.map((e) => e.text).join('')).toBe(ANSWER)
    const audio = ofType(events, 'audio').map((e) => Buffer.from(e.pcm, 'base64'))
    expect(Math.max(...audio.map((b) => b.length))).toBeLessThanOrEqual(4800)
    expect(audio.reduce((sum, b) => sum + b.length, 0)).toBe(1200 * 48)

    // The tool ran on the library; its output went back, then the model was asked to go on.
    const tools = ofType(events, 'tool')
    expect(tools.map((t) => t.output)).toEqual([null, '{"results":[]}'])
    expect(connection?.functionOutputs).toEqual([{ callId: tools[0]?.callId, output: '{"results":[]}' }])
    const afterOutput = connection?.received.slice(
      connection.received.findIndex(
        (e) => (e.item as { type?: string } | undefined)?.type === 'function_call_output'
      )
    )
    expect(afterOutput?.[1]?.type).toBe('response.create')

    const turns = ofType(events, 'turn')
    expect(turns).toHaveLength(2)
    expect(turns[1]?.latencyMs).toBeGreaterThanOrEqual(0)

    const view = await app.router.call('voice.end', { sessionId })
    expect(view.status).toBe('ended')
    expect(view.turnList.map((t) => [t.role, t.text])).toEqual([
      ['user', 'What do I have about foxes?'],
      ['tool', ''],
      ['assistant', ANSWER]
    ])
    expect(view.turnList[1]?.tool).toMatchObject({
      name: 'search_library',
      arguments: '{"query":"fox"}',
      failed: false
    })
    // Two responses' usage, as recorded (132 in with 73 audio and 64 cached, 188 out with 147 audio).
    expect(view.usage).toEqual({
      inputTokens: 264,
      outputTokens: 376,
      cachedTokens: 128,
      audioInputTokens: 146,
      audioOutputTokens: 294
    })
    const rows = app.services.usage.recent(10).filter((r) => r.api === 'realtime')
    expect(rows).toHaveLength(2)
    // gpt-realtime: 59 text in at $4, 9 uncached audio in at $32, 64 cached at $0.40, 41 text out at $16, 147 audio out at $64.
    const perResponse = (59 * 4 + 9 * 32 + 64 * 0.4 + 41 * 16 + 147 * 64) / 1e6
    expect(view.costUsd).toBeCloseTo(perResponse * 2, 8)
    expect(rows.reduce((sum, r) => sum + r.costUsd, 0)).toBeCloseTo(view.costUsd, 8)
    // The transcription of what the user said is billed apart, at the transcription model's price.
    const transcribed = app.services.usage.recent(10).filter((r) => r.api === 'transcription')
    expect(transcribed.length).toBeGreaterThan(0)
    expect(transcribed[0]).toMatchObject({ model: 'gpt-4o-mini-transcribe', inputTokens: 16, outputTokens: 4 })

    // Both sides' audio as WAV files.
    for (const turn of view.turnList.filter((t) => t.role !== 'tool')) {
      const file = join(app.paths.dataDir, turn.audioPath ?? 'missing')
      expect(existsSync(file), turn.role).toBe(true)
      expect(readFileSync(file).toString('ascii', 0, 4)).toBe('RIFF')
    }
    expect(readFileSync(join(app.paths.dataDir, view.turnList[2]?.audioPath ?? '')).length).toBe(
      44 + 1200 * 48
    )
  })

  it('finds past sessions by their words (CJK included), exports Markdown and deletes', async () => {
    const { app, fake, events } = await voiceSetup()
    const first = await start(app, { saveAudio: true })
    await app.router.call('voice.text', { sessionId: first, text: 'Tell me about the fox video' })
    await answered(events)
    await app.router.call('voice.end', { sessionId: first })
    fake.script({ assistantText: '这段视频分析了狐狸的行为。' })
    const second = await start(app)
    await app.router.call('voice.text', { sessionId: second, text: '请总结视频' })
    await answered(events, 2)
    await app.router.call('voice.end', { sessionId: second })

    const ids = async (search?: string) =>
      (await app.router.call('voice.sessions', { search })).items.map((s) => s.id)
    expect(await ids()).toEqual([second, first])
    expect(await ids('fox video')).toEqual([first])
    expect(await ids('分析')).toEqual([second])
    expect(await ids('狐狸的')).toEqual([second])
    expect(await ids('zebra')).toEqual([])
    const found = await app.router.call('voice.sessions', { search: 'snow' })
    expect(found.items[0]?.snippet).toContain('snow')
    expect(found.items[0]?.title).toBe('Tell me about the fox video')

    const md = await app.router.call('voice.export', { sessionId: first })
    expect(md.mime).toBe('text/markdown')
    expect(md.content).toContain('**You**')
    expect(md.content).toContain(`**Assistant**`)
    expect(md.content).toContain(ANSWER)

    expect(await app.router.call('voice.delete', { sessionId: first })).toEqual({ deleted: true })
    expect(existsSync(join(app.paths.dataDir, 'voice', first))).toBe(false)
    expect(await ids()).toEqual([second])
    await expect(app.router.call('voice.session', { sessionId: first })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })

  it('push-to-talk commits on release; beta event names are understood', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.script({ beta: true })
    const sessionId = await start(app, { turnDetection: 'push_to_talk', modality: 'audio' })
    await sendAudio(app, sessionId, speech(600))
    expect(ofType(events, 'speech')).toHaveLength(0)
    await app.router.call('voice.commit', { sessionId })
    await answered(events)
    const received = fake.connections[0]?.received.map((e) => e.type) ?? []
    const update = fake.connections[0]?.received[0] as {
      session: { audio: { input: { turn_detection: unknown } } }
    }
    expect(update.session.audio.input.turn_detection).toBeNull()
    expect(received.slice(-2)).toEqual(['input_audio_buffer.commit', 'response.create'])
    expect(ofType(events, 'audio').length).toBeGreaterThan(0)
    expect(ofType(events, 'transcript').find((e) => e.role === 'assistant' && e.final)?.text).toBe(ANSWER)
  })

  it('barge-in: the answer is cut where the user stopped hearing it', async () => {
    const { app, fake, events } = await voiceSetup()
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'Tell me a long story' })
    await answered(events)
    const itemId = ofType(events, 'audio')[0]?.itemId
    await app.router.call('voice.interrupt', { sessionId, playedMs: 300.7 })
    await expect
      .poll(() => fake.connections[0]?.received.find((e) => e.type === 'conversation.item.truncate'))
      .toEqual({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 300 })
    const view = await app.router.call('voice.end', { sessionId })
    expect(view.turnList.find((t) => t.role === 'assistant')?.interrupted).toBe(true)
  })

  it('barge-in while the answer is still coming: it is cancelled and cut where it was heard', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.script({ audioMs: 3000, paceMs: 15 })
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'Tell me a long story' })
    await expect.poll(() => ofType(events, 'audio').length).toBeGreaterThan(0)
    await app.router.call('voice.interrupt', { sessionId, playedMs: 120 })
    await expect.poll(() => ofType(events, 'turn').length).toBe(1)
    const received = fake.connections[0]?.received ?? []
    expect(received.map((e) => e.type)).toContain('response.cancel')
    expect(received.find((e) => e.type === 'conversation.item.truncate')).toMatchObject({ audio_end_ms: 120 })
    expect(ofType(events, 'error')).toEqual([])
    const view = await app.router.call('voice.end', { sessionId })
    const answer = view.turnList.find((t) => t.role === 'assistant')
    expect(answer?.interrupted).toBe(true)
    expect(answer?.text.length).toBeLessThan(ANSWER.length)
  })

  it('text-only sessions ask for text and keep the answer', async () => {
    const { app, fake, events } = await voiceSetup()
    const sessionId = await start(app, { modality: 'text', transcriptionModel: '', localTools: false })
    await app.router.call('voice.text', { sessionId, text: 'Hello' })
    await answered(events)
    const update = fake.connections[0]?.received[0] as { session: Record<string, unknown> }
    expect(update.session).toMatchObject({ output_modalities: ['text'], tools: [] })
    expect((update.session.audio as { input: { transcription: unknown } }).input.transcription).toBeNull()
    const view = await app.router.call('voice.end', { sessionId })
    expect(view.turnList.map((t) => t.role)).toEqual(['user', 'assistant'])
  })

  it('ending while an answer is still coming cancels it and records what it cost', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.script({ audioMs: 3000, paceMs: 15 })
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'Tell me a long story' })
    await expect.poll(() => ofType(events, 'audio').length).toBeGreaterThan(0)
    const view = await app.router.call('voice.end', { sessionId })
    expect(fake.connections[0]?.received.map((e) => e.type)).toContain('response.cancel')
    // The provider bills what it generated: the usage of the cancelled answer is kept.
    expect(app.services.usage.recent(10).filter((r) => r.api === 'realtime')).toHaveLength(1)
    expect(view.costUsd).toBeGreaterThan(0)
  })
})
