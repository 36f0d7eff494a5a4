import { describe, expect, it } from 'vitest'
import { bodyOf, playgroundSetup } from './setup'

const weather = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false
  },
  strict: true
}

describe('playground function calling', () => {
  it('answers search_library with a local function and loops until the model answers (Responses)', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { toolCalls: [{ name: 'search_library', arguments: '{"query":"fox","limit":3}' }] },
      { path: '/responses' }
    )
    fake.reply({ text: 'Your library has no fox yet.' }, { path: '/responses' })
    const result = await app.router.call('playground.send', {
      prompt: 'Do I have a video of a fox?',
      settings: { api: 'responses', model: 'gpt-4o-mini', localTools: true }
    })
    expect(result.text).toBe('Your library has no fox yet.')
    expect(result.toolCalls).toEqual([
      {
        type: 'function_call',
        name: 'search_library',
        arguments: { query: 'fox', limit: 3 },
        callId: 'call_fake_0',
        status: 'answered'
      }
    ])
    const [first, second] = fake.requestsTo('/responses').map(bodyOf)
    expect((first!.tools as { name?: string }[]).map((t) => t.name)).toContain('keyframes_at')
    expect(second!.previous_response_id).toMatch(/^resp_fake_/)
    expect(second!.input).toEqual([
      { type: 'function_call_output', call_id: 'call_fake_0', output: '{"results":[]}' }
    ])
    const conversation = await app.router.call('playground.conversation', { id: result.conversationId })
    const parts = conversation.messages[1]!.parts.map((p) => p.type)
    expect(parts).toEqual(['tool_call', 'tool_result', 'text'])
  })

  it('runs the same loop on chat completions with tool messages in the history', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { toolCalls: [{ name: 'get_summary', arguments: '{"assetId":"nope"}' }] },
      { path: '/chat/completions' }
    )
    fake.reply({ text: 'No summary.' }, { path: '/chat/completions' })
    const result = await app.router.call('playground.send', {
      prompt: 'Summarise nope',
      settings: { api: 'chat', model: 'gpt-4o-mini', localTools: true, toolChoice: 'required' }
    })
    expect(result.text).toBe('No summary.')
    const [first, second] = fake.requestsTo('/chat/completions').map(bodyOf)
    expect(first!.tool_choice).toBe('required')
    // A forced choice goes back to auto after the first round, or the model would call forever.
    expect(second!.tool_choice).toBe('auto')
    const messages = second!.messages as { role: string; tool_call_id?: string; content: unknown }[]
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(messages[2]).toMatchObject({
      tool_call_id: 'call_fake_0',
      content: '{"error":"Item nope has no summary yet."}'
    })
  })

  it('lists a call to a user function with its arguments and waits for the result the user types', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] },
      { path: '/responses' }
    )
    const settings = {
      api: 'responses' as const,
      model: 'gpt-4o-mini',
      functions: [weather],
      toolChoice: 'required' as const
    }
    const asked = await app.router.call('playground.send', { prompt: 'Weather in Paris?', settings })
    expect(asked.status).toBe('pending')
    expect(asked.toolCalls).toEqual([
      {
        type: 'function_call',
        name: 'get_weather',
        arguments: { city: 'Paris' },
        callId: 'call_fake_0',
        status: 'pending'
      }
    ])
    expect(bodyOf(fake.requestsTo('/responses')[0]!).tool_choice).toBe('required')
    fake.reply({ text: 'It is sunny in Paris.' }, { path: '/responses' })
    const answered = await app.router.call('playground.send', {
      conversationId: asked.conversationId,
      toolOutputs: [{ callId: 'call_fake_0', output: '{"sky":"sunny"}' }],
      settings
    })
    expect(answered.text).toBe('It is sunny in Paris.')
    const follow = bodyOf(fake.requestsTo('/responses')[1]!)
    expect(follow.previous_response_id).toBe(asked.responseId)
    expect(follow.input).toEqual([
      { type: 'function_call_output', call_id: 'call_fake_0', output: '{"sky":"sunny"}' }
    ])
    const roles = (
      await app.router.call('playground.conversation', { id: asked.conversationId })
    ).messages.map((m) => m.role)
    expect(roles).toEqual(['user', 'assistant', 'tool', 'assistant'])
  })

  it('sends the local result along with the user’s when one round mixes both kinds of call (Responses)', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      {
        toolCalls: [
          { name: 'search_library', arguments: '{"query":"fox"}' },
          { name: 'get_weather', arguments: '{"city":"Oslo"}' }
        ]
      },
      { path: '/responses' }
    )
    const settings = { api: 'responses' as const, model: 'gpt-4o-mini', functions: [weather], localTools: true }
    const asked = await app.router.call('playground.send', { prompt: 'Fox videos, and Oslo weather?', settings })
    expect(asked.status).toBe('pending')
    fake.reply({ text: 'No fox yet; cold in Oslo.' }, { path: '/responses' })
    await app.router.call('playground.send', {
      conversationId: asked.conversationId,
      toolOutputs: [{ callId: 'call_fake_1', output: '{"c":-3}' }],
      settings
    })
    const follow = bodyOf(fake.requestsTo('/responses')[1]!)
    // The API refuses a continuation that leaves any call of the response without its output.
    expect((follow.input as { call_id: string }[]).map((i) => i.call_id).sort()).toEqual([
      'call_fake_0',
      'call_fake_1'
    ])
  })

  it('shows arguments that do not match the schema as invalid and never runs them', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { toolCalls: [{ name: 'get_weather', arguments: '{"town":"Paris"}' }] },
      { path: '/chat/completions' }
    )
    const result = await app.router.call('playground.send', {
      prompt: 'Weather?',
      settings: { api: 'chat', model: 'gpt-4o-mini', functions: [weather] }
    })
    expect(result.toolCalls[0]).toMatchObject({ name: 'get_weather', status: 'invalid' })
    const message = (await app.router.call('playground.conversation', { id: result.conversationId }))
      .messages[1]!
    const card = message.parts.find((p) => p.type === 'tool_call')
    expect(card).toMatchObject({ problem: expect.stringContaining('city') })
    expect(message.parts.some((p) => p.type === 'tool_result')).toBe(false)
  })

  it('stops a model that keeps calling functions after 6 rounds, keeping what it did', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply(
      { toolCalls: [{ name: 'search_library', arguments: '{"query":"x","limit":1}' }] },
      { path: '/responses', times: 10 }
    )
    const result = await app.router.call('playground.send', {
      prompt: 'Loop',
      settings: { api: 'responses', model: 'gpt-4o-mini', localTools: true }
    })
    expect(fake.requestsTo('/responses')).toHaveLength(6)
    expect(result.status).toBe('partial')
    expect(result.toolCalls).toHaveLength(6)
  })

  it('refuses a strict function whose schema breaks the rules before sending anything', async () => {
    const { fake, app } = await playgroundSetup()
    const loose = { ...weather, parameters: { type: 'object', properties: { city: { type: 'string' } } } }
    await expect(
      app.router.call('playground.send', {
        prompt: 'x',
        settings: { model: 'gpt-4o-mini', functions: [loose] }
      })
    ).rejects.toMatchObject({ code: 'AI_SCHEMA_INVALID', message: expect.stringContaining('get_weather') })
    expect(fake.requests).toHaveLength(0)
  })

  it('sends the user’s results on chat as tool messages after the call, and drops calls left unanswered', async () => {
    const { fake, app } = await playgroundSetup()
    const settings = { api: 'chat' as const, model: 'gpt-4o-mini', functions: [weather] }
    fake.reply(
      { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Rome"}' }] },
      { path: '/chat/completions' }
    )
    const asked = await app.router.call('playground.send', { prompt: 'Weather in Rome?', settings })
    fake.reply({ text: 'Warm in Rome.' }, { path: '/chat/completions' })
    await app.router.call('playground.send', {
      conversationId: asked.conversationId,
      toolOutputs: [{ callId: 'call_fake_0', output: '{"c":28}' }],
      settings
    })
    const follow = bodyOf(fake.requestsTo('/chat/completions')[1]!).messages as {
      role: string
      tool_calls?: unknown[]
    }[]
    expect(follow.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(follow[1]!.tool_calls).toHaveLength(1)

    // A new question while a call waits: the waiting call is left out of what is sent.
    fake.reply(
      { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
      { path: '/chat/completions' }
    )
    await app.router.call('playground.send', {
      conversationId: asked.conversationId,
      prompt: 'And Oslo?',
      settings
    })
    fake.reply({ text: 'Never mind.' }, { path: '/chat/completions' })
    await app.router.call('playground.send', {
      conversationId: asked.conversationId,
      prompt: 'Forget it',
      settings
    })
    const last = bodyOf(fake.requestsTo('/chat/completions')[3]!).messages as {
      role: string
      tool_calls?: unknown[]
    }[]
    expect(last.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'user', 'user'])
  })
})
