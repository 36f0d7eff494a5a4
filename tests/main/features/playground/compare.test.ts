import { describe, expect, it } from 'vitest'
import { bodyOf, playgroundSetup } from './setup'

describe('playground compare and view as code', () => {
  it('sends one prompt to two columns with their own settings, then continues with the winner', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ text: 'Answer A', usage: { input: 20, output: 5 } }, { path: '/chat/completions' })
    fake.reply({ text: 'Answer B', usage: { input: 30, output: 7, reasoning: 3 } }, { path: '/responses' })
    const compared = await app.router.call('playground.compare', {
      prompt: 'Which is better?',
      columns: [
        { api: 'chat', model: 'gpt-4o-mini', instructions: 'Be terse.', temperature: 0.2 },
        { api: 'responses', model: 'gpt-5-mini', instructions: 'Be thorough.', reasoningEffort: 'low' }
      ]
    })
    const [a, b] = compared.results as {
      text: string
      messageId: string
      responseId: string
      usage: { reasoningTokens: number }
    }[]
    expect(a!.text).toBe('Answer A')
    expect(b!.text).toBe('Answer B')
    expect(b!.usage.reasoningTokens).toBe(3)
    expect(bodyOf(fake.requestsTo('/chat/completions')[0]!)).toMatchObject({ temperature: 0.2 })
    expect(bodyOf(fake.requestsTo('/responses')[0]!)).toMatchObject({
      instructions: 'Be thorough.',
      reasoning: { effort: 'low' }
    })
    const before = await app.router.call('playground.conversation', { id: compared.conversationId })
    expect(before.messages.map((m) => m.candidate)).toEqual([null, 0, 1])

    const picked = await app.router.call('playground.pick', { messageId: b!.messageId })
    expect(picked.messages.map((m) => m.id)).toEqual([before.messages[0]!.id, b!.messageId])
    expect(picked.settings).toMatchObject({ api: 'responses', model: 'gpt-5-mini' })
    fake.reply({ text: 'Continued' }, { path: '/responses' })
    await app.router.call('playground.send', {
      conversationId: compared.conversationId,
      prompt: 'Go on',
      settings: picked.settings
    })
    const next = bodyOf(fake.requestsTo('/responses')[1]!)
    expect(next.previous_response_id).toBe(b!.responseId)
  })

  it('shows the exact body as curl, TypeScript and Python without the key', async () => {
    const { app } = await playgroundSetup()
    const sent = await app.router.call('playground.send', {
      prompt: 'Hello',
      settings: { api: 'responses', model: 'gpt-4o-mini', temperature: 0.5, store: true }
    })
    const curl = await app.router.call('playground.code', { messageId: sent.messageId, language: 'curl' })
    expect(curl.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.5, store: true, stream: true })
    expect(curl.code).toMatch(/^curl http:\/\/127\.0\.0\.1:\d+\/v1\/responses/)
    expect(curl.code).toContain('$OPENAI_API_KEY')
    expect(curl.code).not.toContain('sk-test-secret-key-123')
    const python = await app.router.call('playground.code', { messageId: sent.messageId, language: 'python' })
    expect(python.code).toContain('"store": True')
    const ts = await app.router.call('playground.code', { messageId: sent.messageId, language: 'typescript' })
    expect(ts.code).toContain('client.responses.create(')
  })

  it('replaces the last answer on regenerate and everything after an edited message', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ text: 'one' }, { path: '/chat/completions' })
    fake.reply({ text: 'two' }, { path: '/chat/completions' })
    const settings = { model: 'gpt-4o-mini' }
    const first = await app.router.call('playground.send', { prompt: 'Start', settings })
    const conversation = await app.router.call('playground.conversation', { id: first.conversationId })
    const userId = conversation.messages[0]!.id
    await app.router.call('playground.send', {
      conversationId: first.conversationId,
      prompt: 'Start again',
      replaceFrom: userId,
      settings
    })
    const after = await app.router.call('playground.conversation', { id: first.conversationId })
    expect(after.messages.map((m) => m.parts[0])).toEqual([
      { type: 'text', text: 'Start again' },
      { type: 'text', text: 'two' }
    ])
  })
})
