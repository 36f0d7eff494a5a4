import { describe, expect, it } from 'vitest'
import { bodyOf, playgroundSetup } from './setup'

describe('playground: a context too long', () => {
  it('fails with the code the page offers "drop the oldest turns" for, then drops them on chat when asked', async () => {
    const { fake, app } = await playgroundSetup()
    const settings = { api: 'chat' as const, model: 'gpt-4o-mini' }
    fake.reply({ text: 'One.' }, { path: '/chat/completions' })
    fake.reply({ text: 'Two.' }, { path: '/chat/completions' })
    const first = await app.router.call('playground.send', { prompt: 'First', settings })
    const id = first.conversationId
    await app.router.call('playground.send', { conversationId: id, prompt: 'Second', settings })
    fake.fault({ kind: 'context_length_exceeded' }, { path: '/chat/completions' })
    await expect(
      app.router.call('playground.send', { conversationId: id, prompt: 'Third', settings })
    ).rejects.toMatchObject({ code: 'AI_CONTEXT_TOO_LONG', details: { conversationId: id } })
    const failed = (await app.router.call('playground.conversation', { id })).messages
    expect(failed.at(-1)).toMatchObject({
      role: 'assistant',
      status: 'error',
      error: { code: 'AI_CONTEXT_TOO_LONG' }
    })

    // Resend the same turn, dropping the oldest turns if the context is still too long.
    const third = failed.at(-2)!
    fake.fault({ kind: 'context_length_exceeded' }, { path: '/chat/completions' })
    fake.reply({ text: 'Three.' }, { path: '/chat/completions' })
    const retried = await app.router.call('playground.send', {
      conversationId: id,
      prompt: 'Third',
      replaceFrom: third.id,
      dropOldest: true,
      settings
    })
    expect(retried.text).toBe('Three.')
    const [tooLong, shorter] = fake.requestsTo('/chat/completions').slice(-2).map(bodyOf)
    expect((shorter!.messages as unknown[]).length).toBeLessThan((tooLong!.messages as unknown[]).length)
    const after = (await app.router.call('playground.conversation', { id })).messages
    expect(after.map((m) => m.status)).toEqual([
      'complete',
      'complete',
      'complete',
      'complete',
      'complete',
      'complete'
    ])
  })

  it('asks the Responses API to truncate when the oldest turns may go', async () => {
    const { fake, app } = await playgroundSetup()
    await app.router.call('playground.send', {
      prompt: 'Hello',
      dropOldest: true,
      settings: { api: 'responses', model: 'gpt-4o-mini' }
    })
    expect(bodyOf(fake.requestsTo('/responses')[0]!).truncation).toBe('auto')
  })

  it('starts a new conversation that carries a summary of the old one in its instructions', async () => {
    const { fake, app } = await playgroundSetup()
    fake.reply({ text: 'Lyon is in France.' }, { path: '/chat/completions' })
    const old = await app.router.call('playground.send', {
      prompt: 'Where is Lyon?',
      settings: { api: 'chat', model: 'gpt-4o-mini', instructions: 'Be brief.' }
    })
    fake.reply({ text: 'The user asked where Lyon is: France.' }, { path: '/chat/completions' })
    const fresh = await app.router.call('playground.condense', { id: old.conversationId })
    expect(fresh.id).not.toBe(old.conversationId)
    const asked = bodyOf(fake.requestsTo('/chat/completions')[1]!).messages as {
      role: string
      content: string
    }[]
    expect(asked.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(asked[2]!.content).toMatch(/^Summarise this conversation/)
    const settings = (await app.router.call('playground.conversation', { id: fresh.id })).settings
    expect(settings.instructions).toBe(
      'Be brief.\n\nSummary of the earlier conversation this one continues:\nThe user asked where Lyon is: France.'
    )
  })
})
