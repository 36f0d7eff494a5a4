import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { runTs } from '../../support/spawn'
import { tempDir } from '../../support/temp'

const CLI = 'src/main/cli/main.ts'

async function setup() {
  const fake = await fakeOpenAI()
  const env = {
    FRAMEWISE_DATA_DIR: tempDir(),
    OPENAI_API_KEY: 'sk-cli-playground',
    OPENAI_BASE_URL: fake.baseURL
  }
  const ask = async (args: string[]) => {
    const out = await runTs(CLI, ['ask', ...args, '--json'], env)
    expect(out.code, out.stderr + out.stdout).toBe(0)
    return JSON.parse(out.stdout) as Record<string, unknown> & { conversationId: string }
  }
  return { fake, env, ask }
}

describe('framewise ask (the Playground on the command line)', () => {
  it('lists web-search citations, stores the conversation and continues it with previous_response_id', async () => {
    const { fake, env, ask } = await setup()
    const first = await ask([
      'What happened in tech?',
      '--tool',
      'web_search',
      '--api',
      'responses',
      '--model',
      'gpt-5-mini'
    ])
    const citations = first.citations as {
      url: string
      title: string
      startIndex: number
      endIndex: number
    }[]
    expect(citations.length).toBeGreaterThan(0)
    expect(citations[0]).toEqual({
      url: expect.stringMatching(/^https:/),
      title: expect.any(String),
      startIndex: expect.any(Number),
      endIndex: expect.any(Number)
    })
    expect(Object.keys(first).sort()).toEqual(
      [
        'citations',
        'conversationId',
        'costUsd',
        'files',
        'images',
        'model',
        'provider',
        'requestId',
        'responseId',
        'text',
        'toolCalls',
        'usage'
      ].sort()
    )
    fake.reply({ text: 'A follow-up.' }, { path: '/responses' })
    // No --api: continuing a Responses conversation stays on the Responses API.
    const second = await ask(['Tell me more', '--model', 'gpt-5-mini', '--conversation', first.conversationId])
    expect(second.conversationId).toBe(first.conversationId)
    const body = fake.requestsTo('/responses')[1]!.body as Record<string, unknown>
    expect(body.previous_response_id).toBe(first.responseId)
    expect(body.input).toEqual([{ role: 'user', content: [{ type: 'input_text', text: 'Tell me more' }] }])

    const listed = await runTs(CLI, ['conversations', '--search', 'more', '--json'], env)
    expect(JSON.parse(listed.stdout).conversations.map((c: { id: string }) => c.id)).toEqual([
      first.conversationId
    ])
    const md = await runTs(CLI, ['conversations', 'export', first.conversationId, '--format', 'md'], env)
    expect(md.stdout).toContain('## User')
    expect(md.stdout).toContain('A follow-up.')
  })

  it('lists a required function call with its parsed arguments', async () => {
    const { fake, ask } = await setup()
    const file = join(tempDir(), 'f.json')
    writeFileSync(
      file,
      JSON.stringify([
        {
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
      ])
    )
    fake.reply(
      { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
      { path: '/chat/completions' }
    )
    const doc = await ask([
      'Weather in Oslo?',
      '--functions',
      file,
      '--tool-choice',
      'required',
      '--no-parallel-tools'
    ])
    expect(doc.toolCalls).toEqual([
      {
        type: 'function_call',
        name: 'get_weather',
        arguments: { city: 'Oslo' },
        callId: 'call_fake_0',
        status: 'pending'
      }
    ])
    const body = fake.requestsTo('/chat/completions')[0]!.body as Record<string, unknown>
    expect(body).toMatchObject({ tool_choice: 'required', parallel_tool_calls: false })
  })

  it('passes the sampling and output flags through to the wire', async () => {
    const { fake, ask } = await setup()
    await ask([
      'Hi',
      '--instructions',
      'Be kind',
      '--temperature',
      '0.3',
      '--top-p',
      '0.9',
      '--max-output-tokens',
      '64',
      '--seed',
      '7',
      '--stop',
      'END',
      '--stop',
      'STOP',
      '--verbosity',
      'low'
    ])
    const body = fake.requestsTo('/chat/completions')[0]!.body as Record<string, unknown>
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_completion_tokens: 64,
      seed: 7,
      stop: ['END', 'STOP'],
      verbosity: 'low',
      messages: [
        { role: 'system', content: 'Be kind' },
        { role: 'user', content: 'Hi' }
      ]
    })
  })
})
