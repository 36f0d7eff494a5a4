import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { fakeOpenAI } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { media } from '../../../support/temp'
import { scriptVideoReplies } from '../../../support/video-summary'

async function summarisedVideo(overrides: { responses: boolean }) {
  const fake = await fakeOpenAI()
  const app = testApp()
  await app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake',
    baseURL: fake.baseURL,
    apiKey: 'sk-test',
    overrides: { responses: overrides.responses }
  })
  // friday.mp4 has speech on its sound track (flower.mp4's is silent, so nothing would be transcribed).
  const imported = await importAndWait(app, [media('video', 'friday.mp4')])
  const assetId = (imported.result as ImportReport).imported[0]!.assetId
  scriptVideoReplies(fake, 6)
  const { jobId } = await app.services.summaries.start(assetId, { maxFrames: 4 }, false)
  await app.services.jobs.waitForSettled([jobId!])
  fake.reset()
  return { fake, app, assetId }
}

describe('questions about a video', () => {
  it('grounds the first question in summary, transcript and frames, then chains answers by previous_response_id', async () => {
    const { fake, app, assetId } = await summarisedVideo({ responses: true })
    fake.reply({ text: 'The robot appears at [00:02].' }, { path: '/responses' })
    const turns = await app.services.summaries.ask(assetId, 'When does the robot appear?')
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant'])
    expect(turns[1]?.content).toBe('The robot appears at [00:02].')
    expect(turns[1]?.costUsd).toBeGreaterThan(0)
    const first = fake.requestsTo('/responses')[0]?.body as {
      store: boolean
      input: unknown
      previous_response_id?: string
      instructions: string
    }
    expect(first.store).toBe(true)
    expect(first.previous_response_id).toBeUndefined()
    expect(first.instructions).toContain('[mm:ss]')
    const grounding = JSON.stringify(first.input)
    expect(grounding).toContain('Holding the bridge')
    expect(grounding).toContain('[00:04] We need more time')
    expect(grounding).toContain('input_image')

    fake.reply({ text: 'Celia and Thom.' }, { path: '/responses' })
    const later = await app.services.summaries.ask(assetId, 'Who is in it?')
    expect(later).toHaveLength(4)
    const second = fake.requestsTo('/responses')[1]?.body as { input: unknown; previous_response_id?: string }
    expect(second.previous_response_id).toMatch(/^resp_/)
    expect(second.input).toBe('Who is in it?')
    expect(app.services.summaries.conversation(assetId)).toHaveLength(4)
  })

  it('starts the chain again with the whole history when the provider no longer has the previous response', async () => {
    const { fake, app, assetId } = await summarisedVideo({ responses: true })
    fake.reply({ text: 'First answer.' }, { path: '/responses' })
    await app.services.summaries.ask(assetId, 'First?')
    fake.fault({ kind: 'unsupported_parameter', param: 'previous_response_id' }, { path: '/responses' })
    fake.reply({ text: 'Second answer.' }, { path: '/responses' })
    const turns = await app.services.summaries.ask(assetId, 'Second?')
    expect(turns.at(-1)?.content).toBe('Second answer.')
    const retry = fake.requestsTo('/responses').at(-1)?.body as {
      input: unknown
      previous_response_id?: string
    }
    expect(retry.previous_response_id).toBeUndefined()
    expect(JSON.stringify(retry.input)).toContain('First answer.')
  })

  it('sends the history as messages to providers without the Responses API', async () => {
    const { fake, app, assetId } = await summarisedVideo({ responses: false })
    fake.reply({ text: 'One.' }, { path: '/chat/completions' })
    fake.reply({ text: 'Two.' }, { path: '/chat/completions' })
    await app.services.summaries.ask(assetId, 'First?')
    await app.services.summaries.ask(assetId, 'Second?')
    expect(fake.requestsTo('/responses')).toHaveLength(0)
    const body = fake.requestsTo('/chat/completions')[1]?.body as {
      messages: { role: string; content: unknown }[]
    }
    expect(body.messages[0]?.role).toBe('system')
    expect(body.messages.slice(-3).map((m) => m.content)).toEqual(['First?', 'One.', 'Second?'])
  })

  it('refuses questions before there is anything to answer from', async () => {
    const app = testApp()
    const imported = await importAndWait(app, [media('video', 'flower.mp4')])
    const assetId = (imported.result as ImportReport).imported[0]!.assetId
    await expect(app.services.summaries.ask(assetId, 'What?')).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})
