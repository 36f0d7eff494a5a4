import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { schemaFromZod } from '../../../src/main/ai/structured'
import { addProvider, fakeOpenAI } from '../../support/ai'
import { testApp } from '../../support/app'
import { media, tempDir } from '../../support/temp'
import { BatchInputFile } from '../../../src/main/ai/calls/batch-input'

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  const provider = await addProvider(app, fake.baseURL)
  return { fake, app, ai: app.services.ai, provider }
}

describe('AiService against the fake server', () => {
  it('chat: sends images with detail and returns text, usage, cost and the request id', async () => {
    const { fake, ai, app } = await setup()
    const result = await ai.chat(
      {
        model: 'gpt-4o-mini',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } }
            ]
          }
        ],
        seed: 7,
        stop: ['END'],
        n: 1,
        temperature: 0.2
      },
      { jobId: null }
    )
    expect(result.value.text).toBe('Hello! How can I assist you today?')
    expect(result.usage).toMatchObject({ inputTokens: 11, outputTokens: 9, cachedTokens: 0 })
    expect(result.costUsd).toBeCloseTo((11 * 0.15 + 9 * 0.6) / 1e6, 12)
    expect(result.requestId).toMatch(/^req_fake_/)
    const body = fake.requestsTo('/chat/completions')[0]?.body as Record<string, unknown>
    expect(body).toMatchObject({ model: 'gpt-4o-mini', seed: 7, stop: ['END'], temperature: 0.2 })
    expect(JSON.stringify(body.messages)).toContain('"detail":"low"')
    expect(app.services.usage.recent(10)).toHaveLength(1)
  })

  it('chat: never sends max_tokens or temperature to reasoning models', async () => {
    const { fake, ai } = await setup()
    await ai.chat({
      model: 'o3',
      messages: [{ role: 'user', content: 'x' }],
      temperature: 1,
      topP: 0.5,
      maxTokens: 50,
      reasoningEffort: 'low',
      logprobs: true
    })
    const body = fake.requestsTo('/chat/completions')[0]?.body as Record<string, unknown>
    expect(body).toMatchObject({ model: 'o3', max_completion_tokens: 50, reasoning_effort: 'low' })
    for (const key of ['temperature', 'top_p', 'max_tokens', 'logprobs']) expect(body).not.toHaveProperty(key)
    await ai.chat({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }],
      reasoningEffort: 'high',
      maxTokens: 20
    })
    const plain = fake.requestsTo('/chat/completions')[1]?.body as Record<string, unknown>
    expect(plain).toMatchObject({ max_tokens: 20 })
    expect(plain).not.toHaveProperty('reasoning_effort')
  })

  it('chat: strict structured output from zod, validated on return; refusals surface as refusals', async () => {
    const { fake, ai } = await setup()
    const schema = schemaFromZod('answer', z.object({ answer: z.string(), steps: z.array(z.string()) }))
    const result = await ai.chat({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      responseFormat: schema
    })
    expect(result.value.parsed).toMatchObject({ answer: expect.stringContaining('pound') })
    const sent = fake.requestsTo('/chat/completions')[0]?.body as {
      response_format: { type: string; json_schema: { strict: boolean } }
    }
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'answer', strict: true }
    })
    fake.reply({ refusal: 'I can’t help with that.' })
    await expect(
      ai.chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], responseFormat: schema })
    ).rejects.toMatchObject({ code: 'AI_REFUSED' })
    fake.reply({ text: '{"answer": 3}' })
    const bad = await ai
      .chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], responseFormat: schema })
      .catch((e: unknown) => e)
    expect(bad).toMatchObject({ code: 'AI_BAD_RESPONSE', details: { raw: '{"answer": 3}' } })
  })

  it('chat: function tools with parallel calls, and tool_choice required that is ignored', async () => {
    const { fake, ai } = await setup()
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'get_weather', parameters: { type: 'object', properties: {} } }
      }
    ]
    const result = await ai.chat({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      tools,
      toolChoice: 'auto',
      parallelToolCalls: true
    })
    expect(result.value.toolCalls.length).toBe(2)
    expect(fake.requestsTo('/chat/completions')[0]?.body).toMatchObject({
      parallel_tool_calls: true,
      tool_choice: 'auto'
    })
    fake.reply({ text: 'no tools for you' })
    await expect(
      ai.chat({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        tools,
        toolChoice: 'required'
      })
    ).rejects.toMatchObject({ code: 'AI_TOOL_NOT_CALLED' })
  })

  it('chat streaming: deltas as they arrive and usage from the final chunk', async () => {
    const { fake, ai } = await setup()
    const deltas: string[] = []
    const result = await ai.chat({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      onDelta: (d) => deltas.push(d.text)
    })
    expect(deltas.join('')).toBe(result.value.text)
    expect(result.usage).toMatchObject({ inputTokens: 14, outputTokens: 30 })
    expect(fake.requestsTo('/chat/completions')[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true }
    })
  })

  it('responses: plain, streamed, function calls with previous_response_id, built-in tools, reasoning', async () => {
    const { fake, ai } = await setup()
    const plain = await ai.respond({
      model: 'gpt-4o-mini',
      input: 'weather?',
      instructions: 'be brief',
      store: false
    })
    expect(plain.value.text).toContain('San Francisco')
    expect(fake.requests.at(-1)?.body).toMatchObject({ instructions: 'be brief', store: false })
    const deltas: string[] = []
    const streamed = await ai.respond({
      model: 'gpt-4o-mini',
      input: 'hi',
      stream: true,
      onDelta: (d) => deltas.push(d.text)
    })
    expect(streamed.value.text).toBe(deltas.join(''))
    expect(streamed.usage.inputTokens).toBeGreaterThan(0)
    const call = await ai.respond({
      model: 'gpt-4o-mini',
      input: 'x',
      tools: [{ type: 'function', name: 'get_weather', parameters: {}, strict: false }]
    })
    expect(call.value.functionCalls[0]).toMatchObject({
      name: expect.any(String),
      callId: expect.any(String)
    })
    const followUp = await ai.respond({
      model: 'gpt-4o-mini',
      previousResponseId: call.value.responseId,
      input: [
        {
          type: 'function_call_output',
          call_id: call.value.functionCalls[0]?.callId ?? '',
          output: '{"t":20}'
        }
      ]
    })
    expect(followUp.value.text.length).toBeGreaterThan(0)
    expect(fake.requests.at(-1)?.body).toMatchObject({ previous_response_id: call.value.responseId })
    const search = await ai.respond({ model: 'gpt-4o', input: 'news', tools: [{ type: 'web_search' }] })
    expect(search.value.toolCalls.some((t) => t.type === 'web_search_call')).toBe(true)
    const reasoning = await ai.respond({
      model: 'gpt-5-mini',
      input: 'think',
      reasoning: { effort: 'low', summary: 'auto' },
      temperature: 1
    })
    expect(reasoning.usage.reasoningTokens).toBeGreaterThan(0)
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('temperature')
  })

  it('transcription, speech, image generation, batches and vector stores', async () => {
    const { fake, ai, app, provider } = await setup()
    const transcript = await ai.transcribe({
      file: media('audio/jfk.flac'),
      model: 'whisper-1',
      language: 'en',
      durationS: 11
    })
    expect(transcript.value.segments[0]).toMatchObject({ start: 0, text: 'Hello, world! This is a test.' })
    expect(transcript.usage.audioSeconds).toBe(2)
    expect(transcript.costUsd).toBeCloseTo((2 / 60) * 0.006, 10)
    expect(fake.requestsTo('/audio/transcriptions')[0]?.form).toMatchObject({
      model: 'whisper-1',
      language: 'en',
      response_format: 'verbose_json'
    })
    const json = await ai.transcribe({ file: media('audio/jfk.flac'), model: 'gpt-4o-transcribe' })
    expect(json.value.segments).toEqual([])
    expect(fake.requestsTo('/audio/transcriptions')[1]?.form).toMatchObject({ response_format: 'json' })
    const audio = await ai.speech({ model: 'tts-1', voice: 'alloy', input: 'Hello there' })
    expect(audio.value[0]).toBe(0xff)
    expect((audio.value[1] as number) & 0xe0).toBe(0xe0)
    expect(audio.usage.characters).toBe(11)
    await expect(
      ai.speech({ model: 'tts-1', voice: 'alloy', input: 'x'.repeat(5000) })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const images = await ai.generateImages({ model: 'gpt-image-1', prompt: 'a cat', size: '1024x1024' })
    expect(Buffer.from(images.value.images[0] ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect(fake.requestsTo('/images/generations')[0]?.body).not.toHaveProperty('response_format')
    fake.batchBehaviour({ pollsToComplete: 1 })
    const input = await BatchInputFile.create('/v1/chat/completions')
    await input.add('a', { model: 'gpt-4o-mini', messages: [] })
    await input.finish()
    const batch = await ai.createBatch({ model: 'gpt-4o-mini', endpoint: '/v1/chat/completions', file: input.path })
    await input.discard()
    const done = await ai.retrieveBatch(batch.value.id)
    const outcomes = await ai.batchResults(done, provider.id)
    await ai.batchResults(done, provider.id)
    expect(outcomes.length).toBeGreaterThan(0)
    const batchRows = app.services.usage.recent(50).filter((r) => r.batch)
    expect(batchRows).toHaveLength(outcomes.filter((o) => o.body).length)
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'some notes')
    const uploaded = await ai.uploadFile(file, 'assistants')
    const store = await ai.createVectorStore('notes', [uploaded.id])
    expect((await ai.listVectorStoreFiles(store.id)).length).toBeGreaterThan(0)
  })
})
