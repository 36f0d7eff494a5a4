import OpenAI, { toFile } from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from './server'

let fake: FakeOpenAI
let client: OpenAI

beforeEach(async () => {
  fake = await startFakeOpenAI()
  client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.baseURL, maxRetries: 0 })
})
afterEach(async () => fake.close())

describe('fake OpenAI server: replayed recordings', () => {
  it('answers chat completions with a recorded body and records the request', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello, world!' }]
    })
    expect(completion.choices[0]?.message.content).toBeTruthy()
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(0)
    expect(completion._request_id).toMatch(/^req_fake_/)
    expect(fake.requestsTo('/chat/completions')[0]).toMatchObject({
      method: 'POST',
      body: { model: 'gpt-4o-mini' }
    })
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test')
  })

  it('applies a scripted reply only after letting the first matching requests through', async () => {
    fake.reply({ text: 'third' }, { path: '/chat/completions', after: 2 })
    const ask = async () =>
      (
        await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'hi' }]
        })
      ).choices[0]?.message.content
    const answers = [await ask(), await ask(), await ask(), await ask()]
    expect(answers[2]).toBe('third')
    expect(answers.filter((a) => a === 'third')).toHaveLength(1)
  })

  it('streams chat chunks and ends with the usage chunk when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true }
    })
    let text = ''
    let usage: unknown = null
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? ''
      if (chunk.usage) usage = chunk.usage
    }
    expect(text.length).toBeGreaterThan(20)
    expect(usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 30 })
  })

  it('puts a scripted reply into the recorded envelope, streamed or not', async () => {
    fake.reply({ json: { title: 'A test' }, usage: { input: 1000, cached: 400, output: 50 } })
    const plain = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }]
    })
    expect(JSON.parse(plain.choices[0]?.message.content ?? '')).toEqual({ title: 'A test' })
    expect(plain.usage).toMatchObject({
      prompt_tokens: 1000,
      completion_tokens: 50,
      prompt_tokens_details: { cached_tokens: 400 }
    })
    fake.reply({ text: 'Scripted words arrive in pieces.' })
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'x' })
    const final = await stream.finalResponse()
    expect(final.output_text).toBe('Scripted words arrive in pieces.')
  })

  it('replays responses objects and tool calls', async () => {
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'weather?' })
    expect(response.output_text).toContain('San Francisco')
    const withTool = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'weather?',
      tools: [{ type: 'function', name: 'get_weather', parameters: {}, strict: false }]
    })
    expect(withTool.output.some((item) => item.type === 'function_call')).toBe(true)
  })

  it('takes multipart transcriptions and returns segments', async () => {
    fake.reply({
      segments: [
        { start: 0, end: 2.5, text: ' Ask not.' },
        { start: 2.5, end: 5, text: ' What you can do.' }
      ]
    })
    const result = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file: await toFile(Buffer.from('fake-audio'), 'piece.mp3'),
      response_format: 'verbose_json',
      timestamp_granularities: ['segment']
    })
    expect(result.segments?.map((s) => s.start)).toEqual([0, 2.5])
    const form = fake.requestsTo('/audio/transcriptions')[0]?.form as Record<string, { filename?: string }>
    expect(form.model).toBe('whisper-1')
    expect(form.file?.filename).toBe('piece.mp3')
  })

  it('serves speech, images, files, batches and vector stores', async () => {
    const speech = Buffer.from(
      await (await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'hi' })).arrayBuffer()
    )
    // Real MP3 frames (frame sync), about as long as the text takes to say.
    expect(speech[0]).toBe(0xff)
    expect((speech[1] as number) & 0xe0).toBe(0xe0)
    expect(
      (await client.images.generate({ model: 'gpt-image-1', prompt: 'a cat' })).data?.[0]?.b64_json
    ).toBeTruthy()
    const file = await client.files.create({
      file: await toFile(Buffer.from('{"a":1}\n'), 'input.jsonl'),
      purpose: 'batch'
    })
    expect(file).toMatchObject({ filename: 'input.jsonl', purpose: 'batch', bytes: 8 })
    fake.batchBehaviour({ pollsToComplete: 1 })
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h'
    })
    expect(batch.status).toBe('validating')
    const done = await client.batches.retrieve(batch.id)
    expect(done.status).toBe('completed')
    const output = await (await client.files.content(done.output_file_id as string)).text()
    expect(output.trim().split('\n')[0]).toContain('custom_id')
    const store = await client.vectorStores.create({ name: 'notes' })
    expect((await client.vectorStores.files.create(store.id, { file_id: file.id })).vector_store_id).toBe(
      store.id
    )
  })
})

describe('fake OpenAI server: faults', () => {
  it('sends 429 with retry-after and rate-limit headers', async () => {
    fake.fault({ kind: 'rate_limit', retryAfterS: 2, resetTokens: '26.6s' })
    const error = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    const rate = error as InstanceType<typeof OpenAI.RateLimitError>
    expect(rate.code).toBe('rate_limit_exceeded')
    expect(rate.headers.get('retry-after')).toBe('2')
    expect(rate.headers.get('x-ratelimit-reset-tokens')).toBe('26.6s')
  })

  it('distinguishes insufficient_quota, server errors, context length and auth', async () => {
    const call = () =>
      client.chat.completions
        .create({ model: 'gpt-4o', messages: [] })
        .catch((e: unknown) => e as { status: number; code: string })
    fake.fault({ kind: 'insufficient_quota' })
    expect(await call()).toMatchObject({ status: 429, code: 'insufficient_quota' })
    fake.fault({ kind: 'server_error', status: 503 })
    expect(await call()).toMatchObject({ status: 503 })
    fake.fault({ kind: 'context_length_exceeded' })
    expect(await call()).toMatchObject({ status: 400, code: 'context_length_exceeded' })
    fake.fault({ kind: 'unauthorized' })
    expect(await call()).toMatchObject({ status: 401, code: 'invalid_api_key' })
    expect((await client.chat.completions.create({ model: 'gpt-4o', messages: [] })).id).toBeTruthy()
  })

  it('delays the first byte, cuts streams, hangs and sends malformed JSON', async () => {
    fake.fault({ kind: 'slow_first_byte', delayMs: 300 })
    const started = Date.now()
    await client.chat.completions.create({ model: 'gpt-4o', messages: [] })
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)

    fake.fault({ kind: 'cut_stream', afterEvents: 3 })
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true })
    const reading = (async () => {
      for await (const chunk of stream) void chunk
    })()
    await expect(reading).rejects.toThrow()

    fake.fault({ kind: 'malformed_json' })
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [] })).rejects.toThrow()

    fake.fault({ kind: 'hang' })
    await expect(
      client.chat.completions.create({ model: 'gpt-4o', messages: [] }, { timeout: 300 })
    ).rejects.toThrow(/timed out/i)
  })

  it('applies a fault only to the path it targets, the given number of times', async () => {
    fake.fault({ kind: 'server_error' }, { path: '/responses', times: 2 })
    expect((await client.chat.completions.create({ model: 'gpt-4o', messages: [] })).id).toBeTruthy()
    await expect(client.responses.create({ model: 'gpt-4o', input: 'x' })).rejects.toThrow()
    await expect(client.responses.create({ model: 'gpt-4o', input: 'x' })).rejects.toThrow()
    expect((await client.responses.create({ model: 'gpt-4o', input: 'x' })).id).toBeTruthy()
  })
})
