import { describe, expect, it, vi } from 'vitest'
import { bodyOf, playgroundSetup, sendStreamed } from './setup'

describe('playground conversations', () => {
  it('streams a web-search answer with its url citations, stores it and finds it again by a word of it', async () => {
    const { fake, app } = await playgroundSetup()
    const { result, events } = await sendStreamed(app, {
      prompt: 'What happened in tech today?',
      settings: { api: 'responses', model: 'gpt-5-mini', tools: ['web_search'] }
    })
    const deltas = events.filter((e) => e.type === 'delta')
    expect(deltas.length).toBeGreaterThan(3)
    expect(result.text.length).toBeGreaterThan(50)
    expect(result.citations.length).toBeGreaterThan(0)
    const first = result.citations[0]!
    expect(first.url).toMatch(/^https:\/\//)
    expect(first.endIndex).toBeGreaterThan(first.startIndex)
    expect(result.toolCalls.some((c) => c.type === 'web_search_call')).toBe(true)
    const body = bodyOf(fake.requestsTo('/responses')[0]!)
    expect(body.tools).toEqual([{ type: 'web_search' }])
    expect(body.stream).toBe(true)
    const conversation = await app.router.call('playground.conversation', { id: result.conversationId })
    expect(conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant'])
    const word = result.text.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!
    const found = await app.router.call('playground.conversations', { search: word })
    expect(found.map((c) => c.id)).toEqual([result.conversationId])
    expect(found[0]!.snippet?.toLowerCase()).toContain(word.toLowerCase())
  })

  it('continues on the Responses API with previous_response_id and only the new turn', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ text: 'First answer.' }, { path: '/responses' })
    fake.reply({ text: 'Second answer.' }, { path: '/responses' })
    const settings = { api: 'responses' as const, model: 'gpt-4o-mini' }
    const one = await app.router.call('playground.send', { prompt: 'Hello there', settings })
    const two = await app.router.call('playground.send', {
      conversationId: one.conversationId,
      prompt: 'And then?',
      settings
    })
    expect(two.text).toBe('Second answer.')
    const second = bodyOf(fake.requestsTo('/responses')[1]!)
    expect(second.previous_response_id).toBe(one.responseId)
    expect(second.input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'And then?' }] }])
  })

  it('sends the whole history on chat completions, with max_completion_tokens', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ text: 'One.' }, { path: '/chat/completions' })
    fake.reply({ text: 'Two.' }, { path: '/chat/completions' })
    const settings = {
      api: 'chat' as const,
      model: 'gpt-4o-mini',
      instructions: 'Be brief.',
      maxOutputTokens: 300
    }
    const one = await app.router.call('playground.send', { prompt: 'Count', settings })
    await app.router.call('playground.send', {
      conversationId: one.conversationId,
      prompt: 'Again',
      settings
    })
    const body = bodyOf(fake.requestsTo('/chat/completions')[1]!)
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Count' },
      { role: 'assistant', content: 'One.' },
      { role: 'user', content: 'Again' }
    ])
    expect(body.max_completion_tokens).toBe(300)
    expect(body).not.toHaveProperty('max_tokens')
  })

  it('renames, pins, exports as Markdown and JSON, and deletes', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { text: 'A **bold** answer.', usage: { input: 100, cached: 64, output: 9 } },
      { path: '/chat/completions' }
    )
    const sent = await app.router.call('playground.send', {
      prompt: 'Say something',
      settings: { model: 'gpt-4o-mini' }
    })
    expect(sent.usage).toMatchObject({ inputTokens: 100, cachedTokens: 64, outputTokens: 9 })
    const id = sent.conversationId
    expect((await app.router.call('playground.rename', { id, title: '视频分析笔记' })).title).toBe(
      '视频分析笔记'
    )
    expect((await app.router.call('playground.pin', { id, pinned: true })).pinned).toBe(true)
    // Two-character Chinese words are shorter than a trigram: found by LIKE.
    expect((await app.router.call('playground.conversations', { search: '分析' })).map((c) => c.id)).toEqual([
      id
    ])
    const md = await app.router.call('playground.export', { id, format: 'md' })
    expect(md.content).toContain('# 视频分析笔记')
    expect(md.content).toContain('A **bold** answer.')
    expect(md.content).toContain('64 cached')
    const json = JSON.parse((await app.router.call('playground.export', { id, format: 'json' })).content)
    expect(json.messages[1].usage.cachedTokens).toBe(64)
    expect(await app.router.call('playground.delete', { id })).toEqual({ ok: true })
    expect(await app.router.call('playground.conversations', {})).toEqual([])
  })

  it('stops a turn still running when its conversation is deleted', async () => {
    const { fake, app } = await playgroundSetup()
    fake.fault({ kind: 'hang' }, { path: '/chat/completions' })
    const sending = app.router
      .call('playground.send', { prompt: 'Hello there', settings: { api: 'chat', model: 'gpt-4o-mini' } })
      .then(
        () => 'answered',
        () => 'stopped'
      )
    await vi.waitFor(() => expect(fake.requestsTo('/chat/completions')).toHaveLength(1))
    const [conversation] = await app.router.call('playground.conversations', {})
    await app.router.call('playground.delete', { id: conversation!.id })
    // Without the stop, the hung request would hold the turn until its timeout, then retry.
    const outcome = await Promise.race([
      sending,
      new Promise((r) => setTimeout(() => r('still running'), 3000))
    ])
    expect(outcome).toBe('stopped')
    expect(fake.requestsTo('/chat/completions')).toHaveLength(1)
  })
})
