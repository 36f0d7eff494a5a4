import { describe, expect, it } from 'vitest'
import { previousResponseId } from '../../../../src/main/features/playground/history'
import { checkTurn, includesFor } from '../../../../src/main/features/playground/tool-specs'
import { TurnSettings, type Message } from '../../../../src/shared/domain/playground'

const settings = (over: Partial<TurnSettings> = {}): TurnSettings =>
  TurnSettings.parse({ api: 'responses', ...over })

function message(over: Partial<Message>): Message {
  return {
    role: 'assistant',
    status: 'complete',
    api: 'responses',
    provider: 'openai',
    responseId: 'resp_1',
    settings: settings(),
    seq: 2,
    ...over
  } as Message
}
const user = { role: 'user', seq: 1, status: 'complete', api: null, responseId: null } as unknown as Message

describe('continuing a conversation on the Responses API', () => {
  it('chains only from a whole answer of the same provider', () => {
    expect(previousResponseId([user, message({})], 'openai')).toBe('resp_1')
    expect(previousResponseId([user, message({ status: 'partial' })], 'openai')).toBeNull()
    expect(previousResponseId([user, message({ status: 'stopped' })], 'openai')).toBeNull()
    expect(previousResponseId([user, message({ status: 'pending' })], 'openai')).toBeNull()
    expect(previousResponseId([user, message({})], 'azure-1')).toBeNull()
    expect(previousResponseId([user, message({ settings: settings({ store: false }) })])).toBeNull()
  })

  it('asks for encrypted reasoning when responses are not stored, so later rounds can resend it', () => {
    expect(includesFor(settings({ store: false }))).toContain('reasoning.encrypted_content')
    expect(includesFor(settings())).not.toContain('reasoning.encrypted_content')
  })

  it('refuses web search at minimal reasoning effort before sending', () => {
    const provider = { name: 'OpenAI', capabilities: { responses: true, builtinTools: true } } as never
    expect(() =>
      checkTurn(settings({ tools: ['web_search'], reasoningEffort: 'minimal' }), provider)
    ).toThrow(/minimal/)
    expect(() =>
      checkTurn(settings({ tools: ['web_search'], reasoningEffort: 'low' }), provider)
    ).not.toThrow()
  })
})
