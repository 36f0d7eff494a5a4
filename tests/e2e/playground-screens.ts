import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { FramewiseApp } from '../../src/main/app/create-app'
import type { SendInput } from '../../src/shared/domain/playground'
import type { FakeOpenAI } from '../support/fake-openai/server'

export interface PlaygroundSeed {
  webSearch: string
  functions: string
  structured: string
  interpreter: string
}

const CITY = {
  name: 'city',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      country: { type: 'string' },
      districts: { type: 'array', items: { type: 'string' } }
    },
    required: ['name', 'country', 'districts'],
    additionalProperties: false
  }
}

/** Conversations that show every kind of answer: citations, a function loop, a schema, code. */
export async function seedPlayground(app: FramewiseApp, fake: FakeOpenAI): Promise<PlaygroundSeed> {
  const send = (input: SendInput) => app.router.call('playground.send', input)
  const webSearch = await send({
    prompt: 'What happened in tech today?',
    settings: { api: 'responses', model: 'gpt-5-mini', tools: ['web_search'] }
  })
  fake.reply(
    { toolCalls: [{ name: 'search_library', arguments: '{"query":"tears","limit":5}' }] },
    { path: '/responses' }
  )
  fake.reply(
    {
      text: 'Your library has **Tears of Steel** (a battle clip). Want a summary of it?',
      usage: { input: 2400, cached: 1920, output: 38 }
    },
    { path: '/responses' }
  )
  const functions = await send({
    prompt: 'Which videos in my library have robots?',
    settings: {
      api: 'responses',
      model: 'gpt-4o-mini',
      localTools: true,
      instructions: 'Answer from the library.'
    }
  })
  fake.reply(
    { json: { name: 'Lyon', country: 'France', districts: ['Presqu’île', 'Vieux Lyon', 'Croix-Rousse'] } },
    { path: '/chat/completions' }
  )
  const structured = await send({
    prompt: 'Describe a French city as JSON',
    settings: { api: 'chat', model: 'gpt-4o-mini', schema: CITY }
  })
  const interpreter = await send({
    prompt: 'Roll two dice 10000 times and save the sums to a file',
    settings: { api: 'responses', model: 'gpt-5-mini', tools: ['code_interpreter'], reasoningEffort: 'low' }
  })
  fake.reply({ text: '视频分析完成：共有 **3** 个章节，关键时刻在 [00:31]。' }, { path: '/chat/completions' })
  await send({ prompt: '帮我总结这个视频的分析结果', settings: { api: 'chat', model: 'gpt-4o-mini' } })
  return {
    webSearch: webSearch.conversationId,
    functions: functions.conversationId,
    structured: structured.conversationId,
    interpreter: interpreter.conversationId
  }
}

/** The Playground at 1440 and 800 px: answers of every kind, compare and the request as code. */
export async function shootPlayground(
  page: Page,
  url: string,
  out: string,
  prefix: string,
  seed: PlaygroundSeed
) {
  const shot = (name: string) => page.screenshot({ path: join(out, `${prefix}-playground-${name}.png`) })
  for (const width of [1440, 1024, 800]) {
    await page.setViewportSize({ width, height: 900 })
    for (const [name, id] of Object.entries(seed)) {
      await page.goto(`${url}#/playground/${id}`)
      await page.getByTestId('message-assistant').first().waitFor()
      await page.waitForTimeout(300)
      await shot(`${name}-${width}`)
    }
    // A comparison of its own, so the seeded conversations stay as they are.
    await page.goto(`${url}#/playground`)
    await page.reload()
    await page.getByTestId('toggle-compare').click()
    const columns = page.getByTestId('compare-column')
    await columns.nth(1).getByTestId('column-model').fill('gpt-4o')
    await columns.nth(1).getByTestId('column-instructions').fill('Answer in one sentence.')
    await page.getByTestId('compare-prompt').fill('Why is the sky blue?')
    await page.getByTestId('compare-run').click()
    await page.getByTestId('column-result').nth(1).waitFor()
    await page.waitForTimeout(200)
    await shot(`compare-${width}`)
    await page.getByTestId('toggle-compare').click()
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${url}#/playground/${seed.functions}`)
  await page.getByTestId('message-assistant').first().waitFor()
  await page.getByTestId('section-schema').click()
  await page.getByTestId('schema-enable').click()
  await page.getByTestId('schema-valid').waitFor()
  await page.getByTestId('section-schema').scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  await shot('schema')
  await page.goto(`${url}#/playground/${seed.webSearch}`)
  await page.getByTestId('message-code').first().click()
  await page.getByTestId('request-code').filter({ hasText: 'curl' }).waitFor()
  await page.waitForTimeout(400)
  await shot('as-code')
  await page.keyboard.press('Escape')
}
