import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../support/temp'
import { bodyOf, playgroundSetup, sendStreamed } from './setup'

describe('playground built-in tools', () => {
  it('shows the code interpreter’s code and logs and downloads the file it wrote into the library', async () => {
    const { fake, app } = await playgroundSetup()
    const result = await app.router.call('playground.send', {
      prompt: 'Roll two dice 10000 times and save the sums',
      settings: { api: 'responses', model: 'gpt-5-mini', tools: ['code_interpreter'] }
    })
    const body = bodyOf(fake.requestsTo('/responses')[0]!)
    expect(body.tools).toEqual([{ type: 'code_interpreter', container: { type: 'auto' } }])
    expect(body.include).toEqual(['code_interpreter_call.outputs'])
    const message = (await app.router.call('playground.conversation', { id: result.conversationId }))
      .messages[1]!
    const code = message.parts.filter((p) => p.type === 'code')
    expect(code).toHaveLength(3)
    expect(code[0]).toMatchObject({ logs: '(10000, 70024)', code: expect.stringContaining('random.randint') })
    expect(result.files).toHaveLength(1)
    const file = join(app.paths.blobsDir, result.files[0]!.path)
    expect(readFileSync(file, 'utf8')).toContain('TOTAL: 70024')
    expect(
      fake.requestsTo('/containers/cntr_6903bf2c0470819090b2b1e63e0b66800c139a5d654a42ec/files/')
    ).toHaveLength(1)
    // The message holds the file, so garbage collection keeps it.
    await app.services.blobs.collectGarbage()
    expect(existsSync(file)).toBe(true)
  })

  it('saves generated images to the gallery and shows partial images while it draws', async () => {
    const { app } = await playgroundSetup()
    const { result, events } = await sendStreamed(app, {
      prompt: 'Draw a red fox',
      settings: { api: 'responses', model: 'gpt-5', tools: ['image_generation'] }
    })
    expect(result.images).toHaveLength(1)
    const partials = events.filter((e) => e.type === 'partial_image')
    expect(partials).toHaveLength(2)
    expect(partials[0]).toMatchObject({ dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/) })
    const gallery = await app.router.call('gallery.list', { search: 'fox' })
    expect(gallery.items.map((i) => i.assetId)).toEqual([result.images[0]!.assetId])
  })

  it('creates a vector store from a file, answers with file citations, and deletes the store', async () => {
    const { fake, app } = await playgroundSetup()
    const store = await app.router.call('vectorstores.create', { name: 'Guide' })
    const doc = join(tempDir(), 'ai.txt')
    writeFileSync(doc, 'An embedding model turns data into vectors.')
    const filled = await app.router.call('vectorstores.add', { id: store.id, paths: [doc] })
    expect(filled.files).toEqual([expect.objectContaining({ name: 'ai.txt' })])
    const result = await app.router.call('playground.send', {
      prompt: 'What is an embedding model?',
      settings: { api: 'responses', model: 'gpt-5-mini', tools: ['file_search'], vectorStoreIds: [store.id] }
    })
    expect(bodyOf(fake.requestsTo('/responses')[0]!).tools).toEqual([
      { type: 'file_search', vector_store_ids: [store.id] }
    ])
    const message = (await app.router.call('playground.conversation', { id: result.conversationId }))
      .messages[1]!
    const citation = message.parts.find((p) => p.type === 'citation')
    expect(citation).toMatchObject({ citation: { kind: 'file', filename: 'ai.pdf' } })
    expect(await app.router.call('vectorstores.delete', { id: store.id })).toEqual({ ok: true })
    expect(await app.router.call('vectorstores.list', {})).toEqual([])
  })

  it('shows a reasoning summary as thinking and counts reasoning tokens', async () => {
    const { app } = await playgroundSetup()
    const result = await app.router.call('playground.send', {
      prompt: 'Think about it',
      settings: { api: 'responses', model: 'gpt-5-mini', reasoningEffort: 'low', reasoningSummary: 'auto' }
    })
    expect(result.reasoningSummary?.length).toBeGreaterThan(10)
    expect(result.usage.reasoningTokens).toBeGreaterThan(0)
  })

  it('refuses a built-in tool on a provider without hosted tools, naming the provider and the tool', async () => {
    const { fake, app } = await playgroundSetup()
    const other = await app.services.providers.save(null, {
      kind: 'deepseek',
      name: 'DeepSeek',
      baseURL: fake.baseURL,
      apiKey: 'sk-deepseek-secret'
    })
    await expect(
      app.router.call('playground.send', {
        prompt: 'Search the web',
        settings: { api: 'chat', providerId: other.id, tools: ['web_search'] }
      })
    ).rejects.toMatchObject({ message: expect.stringContaining('Responses API') })
    const refused = app.router.call('playground.send', {
      prompt: 'Search the web',
      settings: { api: 'responses', providerId: other.id, model: 'deepseek-chat', tools: ['web_search'] }
    })
    await expect(refused).rejects.toMatchObject({
      code: 'PROVIDER_UNSUPPORTED',
      message: expect.stringContaining('DeepSeek')
    })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('playground structured outputs', () => {
  const schema = {
    name: 'city',
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, population: { type: 'integer' } },
      required: ['name', 'population'],
      additionalProperties: false
    }
  }

  it('parses a structured answer on both APIs', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ json: { name: 'Paris', population: 2100000 } }, { path: '/chat/completions' })
    fake.reply({ json: { name: 'Lyon', population: 520000 } }, { path: '/responses' })
    const chat = await app.router.call('playground.send', {
      prompt: 'A city',
      settings: { model: 'gpt-4o-mini', schema }
    })
    expect(chat.parsed).toEqual({ name: 'Paris', population: 2100000 })
    const responses = await app.router.call('playground.send', {
      prompt: 'Another city',
      settings: { api: 'responses', model: 'gpt-4o-mini', schema }
    })
    expect(responses.parsed).toEqual({ name: 'Lyon', population: 520000 })
    expect(bodyOf(fake.requestsTo('/responses')[0]!).text).toMatchObject({
      format: { type: 'json_schema', name: 'city', strict: true }
    })
  })

  it('shows a refusal as a refusal, not an error', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ refusal: 'I can’t help with that.' }, { path: '/responses' })
    const result = await app.router.call('playground.send', {
      prompt: 'Something bad',
      settings: { api: 'responses', model: 'gpt-4o-mini', schema }
    })
    expect(result).toMatchObject({ refusal: 'I can’t help with that.', status: 'complete' })
  })

  it('refuses an invalid schema with the linter’s message before sending', async () => {
    const { fake, app } = await playgroundSetup()
    const bad = { name: 'bad', schema: { type: 'object', properties: { a: { not: { type: 'string' } } } } }
    await expect(
      app.router.call('playground.send', { prompt: 'x', settings: { model: 'gpt-4o-mini', schema: bad } })
    ).rejects.toMatchObject({ code: 'AI_SCHEMA_INVALID' })
    expect(fake.requests).toHaveLength(0)
    // The prompt is kept: the user's message is stored even though nothing was sent.
    const [conversation] = await app.router.call('playground.conversations', {})
    expect(conversation?.title).toBe('x')
  })
})

describe('playground streaming faults', () => {
  it('keeps the partial text of a stream cut off on every try, marked partial', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { text: 'A long answer that will be cut off in the middle of it.' },
      { path: '/chat/completions', times: 5 }
    )
    fake.fault({ kind: 'cut_stream', afterEvents: 3 }, { path: '/chat/completions', times: 5 })
    const sent = sendStreamed(app, { prompt: 'Tell me', settings: { model: 'gpt-4o-mini' } })
    await expect(sent).rejects.toMatchObject({ code: 'AI_STREAM_INTERRUPTED' })
    const [listed] = await app.router.call('playground.conversations', {})
    const message = (await app.router.call('playground.conversation', { id: listed!.id })).messages[1]!
    expect(message.status).toBe('partial')
    expect(message.parts[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^A long answer/) })
  }, 30_000)

  it('reports a rate limit as a wait with its seconds, then answers', async () => {
    const { fake, app } = await playgroundSetup()
    fake.fault({ kind: 'rate_limit', retryAfterMs: 40 }, { path: '/chat/completions' })
    fake.reply({ text: 'After the wait.' }, { path: '/chat/completions' })
    const { result, events } = await sendStreamed(app, { prompt: 'Hi', settings: { model: 'gpt-4o-mini' } })
    expect(result.text).toBe('After the wait.')
    expect(events.find((e) => e.type === 'wait')).toMatchObject({ reason: 'rate-limit', seconds: 1 })
  })

  it('stops a stream on request and keeps what arrived', async () => {
    const { fake, app } = await playgroundSetup()
    fake.fault({ kind: 'stall_stream', afterEvents: 3 }, { path: '/chat/completions' })
    fake.reply({ text: 'Words that arrive before the stall and more.' }, { path: '/chat/completions' })
    const streamId = 'stop-me'
    const first = new Promise<void>((resolve) => {
      const off = app.bus.on('playground.stream', (e) => {
        if (e.type === 'delta') {
          off()
          resolve()
        }
      })
    })
    const sent = app.router.call('playground.send', {
      prompt: 'Go',
      settings: { model: 'gpt-4o-mini' },
      streamId
    })
    await first
    expect(await app.router.call('playground.stop', { streamId })).toEqual({ ok: true })
    const result = await sent
    expect(result.status).toBe('stopped')
    expect(result.text).toMatch(/^Words/)
  })
})
