import { describe, expect, it, vi } from 'vitest'
import { realtimeEndpoint } from '../../../../src/main/features/voice/realtime-endpoint'
import type { ResolvedProvider } from '../../../../src/main/ai/provider-service'
import { addProvider, freePort } from '../../../support/ai'
import { testApp } from '../../../support/app'
import { answered, ofType, sendAudio, spokenTurn, start, voiceSetup } from '../../../support/voice'

const ANSWER = 'You have one video about a red fox in the snow.'

describe('voice sessions when things go wrong', () => {
  it('says the Realtime API is unreachable when nothing listens, and stores nothing', async () => {
    const app = testApp()
    await addProvider(app, `http://127.0.0.1:${await freePort()}/v1`)
    await expect(start(app)).rejects.toMatchObject({ code: 'AI_OFFLINE' })
    expect((await app.router.call('voice.sessions', {})).items).toEqual([])
  })

  it('says the key was refused when the handshake is answered 401', async () => {
    const { app, fake } = await voiceSetup()
    fake.refuseNext(401)
    await expect(start(app)).rejects.toMatchObject({ code: 'AI_AUTH_FAILED' })
  })

  it('refuses a provider without Realtime, naming the capability', async () => {
    const app = testApp()
    await app.services.providers.save(null, { kind: 'deepseek', name: 'DeepSeek', apiKey: 'sk-x' })
    await expect(start(app)).rejects.toMatchObject({
      code: 'PROVIDER_UNSUPPORTED',
      details: { capability: 'realtime' }
    })
    const capability = await app.router.call('voice.capability', {})
    expect(capability).toMatchObject({ realtime: false, providerName: 'DeepSeek' })
  })

  it('survives the socket cut mid-answer: reconnects with the settings and the conversation, keeps the transcript', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.fault({ kind: 'cut_mid_response', afterEvents: 7 })
    const sessionId = await start(app, { instructions: 'Be brief.' })
    await sendAudio(app, sessionId, spokenTurn())
    await answered(events)

    expect(ofType(events, 'status').map((e) => e.status)).toEqual([
      'connecting',
      'open',
      'reconnecting',
      'reconnected'
    ])
    expect(fake.connections).toHaveLength(2)
    const again = fake.connections[1]?.received ?? []
    expect(again[0]).toMatchObject({ type: 'session.update', session: { instructions: 'Be brief.' } })
    expect(again[1]).toMatchObject({
      type: 'conversation.item.create',
      item: {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'What do I have about foxes?' }]
      }
    })
    expect(again[2]).toEqual({ type: 'response.create' })

    const view = await app.router.call('voice.end', { sessionId })
    const said = view.turnList.map((t) => [t.role, t.interrupted])
    expect(said).toEqual([
      ['user', false],
      ['assistant', true],
      ['assistant', false]
    ])
    // The words said before the cut are kept; the answer after the reconnect is whole.
    expect(ANSWER.startsWith(view.turnList[1]?.text ?? 'x')).toBe(true)
    expect(view.turnList[1]?.text.length).toBeGreaterThan(0)
    expect(view.turnList[2]?.text).toBe(ANSWER)
  })

  it('reports an error event and goes on', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.fault({ kind: 'error_event' })
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'First try' })
    await expect.poll(() => ofType(events, 'error')[0]?.message).toBe('The fake refused this response.')
    await app.router.call('voice.text', { sessionId, text: 'Second try' })
    await answered(events)
    const view = await app.router.call('voice.end', { sessionId })
    expect(view.error?.message).toBe('The fake refused this response.')
    expect(view.turnList.map((t) => t.text)).toEqual(['First try', 'Second try', ANSWER])
  })

  it('reports a frame that is not JSON and still hears the answer', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.fault({ kind: 'bad_json' })
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'Hello' })
    await answered(events)
    expect(ofType(events, 'error')[0]).toMatchObject({ code: 'AI_BAD_RESPONSE' })
  })

  it('gives a failing tool’s error to the model as its output, and the conversation goes on', async () => {
    const { app, fake, events } = await voiceSetup()
    fake.script({ toolCall: { name: 'read_video', arguments: '{"asset_id":"nope","part":"summary"}' } })
    const sessionId = await start(app)
    await app.router.call('voice.text', { sessionId, text: 'Summarise nope' })
    await answered(events)
    const output = JSON.stringify({ error: 'Item nope has no summary yet.' })
    expect(ofType(events, 'tool').at(-1)).toMatchObject({ name: 'read_video', output, failed: true })
    expect(fake.connections[0]?.functionOutputs[0]?.output).toBe(output)
  })

  it('closes a session nobody speaks in after the idle limit, keeping what it used', async () => {
    const { app, events } = await voiceSetup()
    const sessionId = await start(app, { idleMinutes: 1 })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await app.router.call('voice.text', { sessionId, text: 'Anyone there?' })
      vi.advanceTimersByTime(59_000)
      expect(ofType(events, 'status').map((e) => e.status)).not.toContain('closed')
      vi.advanceTimersByTime(2_000)
    } finally {
      vi.useRealTimers()
    }
    expect(ofType(events, 'status').at(-1)).toMatchObject({ status: 'closed', reason: 'idle' })
    const view = await app.router.call('voice.session', { sessionId })
    expect(view.status).toBe('ended')
    expect(view.endedAt).not.toBeNull()
    await expect(app.router.call('voice.text', { sessionId, text: 'hi' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
  })

  it('tells the caller a session is over once it ended', async () => {
    const { app } = await voiceSetup()
    const sessionId = await start(app)
    await app.router.call('voice.end', { sessionId })
    await expect(app.router.call('voice.text', { sessionId, text: 'hi' })).rejects.toMatchObject({
      code: 'CONFLICT'
    })
    await expect(app.router.call('voice.commit', { sessionId: 'voice-nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})

describe('the Realtime address of a provider', () => {
  const resolved = (kind: 'openai' | 'azure', baseURL: string, deployments = {}): ResolvedProvider =>
    ({
      row: { kind, baseURL, deployments, proxy: null },
      provider: { name: kind, id: kind, local: false, capabilities: { realtime: true } },
      apiKey: 'k'
    }) as unknown as ResolvedProvider

  it('is the GA WebSocket under the base URL with a Bearer key', () => {
    expect(realtimeEndpoint(resolved('openai', 'https://api.openai.com/v1'), 'gpt-realtime', {})).toEqual({
      url: 'wss://api.openai.com/v1/realtime?model=gpt-realtime',
      headers: { Authorization: 'Bearer k' },
      proxy: null
    })
  })

  it('is Azure’s /openai/v1/realtime with the deployment name and an api-key header', () => {
    expect(
      realtimeEndpoint(
        resolved('azure', 'https://me.openai.azure.com', { 'gpt-realtime': 'rt-prod' }),
        'gpt-realtime',
        {}
      )
    ).toEqual({
      url: 'wss://me.openai.azure.com/openai/v1/realtime?model=rt-prod',
      headers: { 'api-key': 'k' },
      proxy: null
    })
  })
})
