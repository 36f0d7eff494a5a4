import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
let fake: FakeOpenAI

beforeAll(async () => {
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-playground-') })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-playground'
  })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

const body = (path: string, index: number) => fake.requestsTo(path)[index]?.body as Record<string, unknown>

/** A fresh page: the Playground with default settings and no conversation open. */
async function newConversation() {
  await h.page.goto(`${h.server.url}#/playground`)
  await h.page.reload()
  await h.page.getByTestId('chat-empty').waitFor()
}

async function send(prompt: string) {
  await h.page.getByTestId('composer-input').fill(prompt)
  await h.page.getByTestId('send').click()
}

describe('the Playground in Chromium', () => {
  it('streams a web-search answer whose sources are links', async () => {
    const { page } = h
    await newConversation()
    await page.getByTestId('tool-web_search').click()
    // Slow enough to watch: the answer grows on screen before it is complete.
    fake.fault({ kind: 'slow_stream', delayMs: 15 }, { path: '/responses' })
    await send('What happened in tech today?')
    const live = page.getByTestId('live-text')
    await live.waitFor({ timeout: 30_000 })
    const early = (await live.innerText()).length
    await expect
      .poll(async () => (await live.count()) === 0 || (await live.innerText()).length > early)
      .toBe(true)
    const link = page.getByTestId('citation-link').first()
    await link.waitFor({ timeout: 30_000 })
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//)
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(body('/responses', 0)).toMatchObject({ stream: true, tools: [{ type: 'web_search' }] })
    await page.getByTestId('usage-line').waitFor()
    expect(await page.getByTestId('search-actions').first().innerText()).toMatch(/search:/)
    // The new conversation is in the address and in the list.
    await expect.poll(() => page.url()).toMatch(/#\/playground\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.getByTestId('conversation-item').count()).toBe(1)
  })

  it('stops an answer mid-stream and keeps what arrived', async () => {
    const { page } = h
    await newConversation()
    fake.fault({ kind: 'slow_stream', delayMs: 60 }, { path: '/responses' })
    fake.reply({ text: 'A long answer. '.repeat(40) }, { path: '/responses' })
    await send('Tell me a long story')
    await page.getByTestId('live-text').waitFor({ timeout: 30_000 })
    await page.getByTestId('stop').click()
    const stopped = page.locator('[data-testid=message-assistant][data-status=stopped]')
    await stopped.waitFor({ timeout: 30_000 })
    expect(await stopped.getByTestId('answer-text').innerText()).toMatch(/^A long answer\./)
    expect(await stopped.getByTestId('status-note').innerText()).toContain('Stopped')
  })

  it('answers a function call with a local function and shows the call as a card', async () => {
    const { page } = h
    await newConversation()
    await page.getByTestId('local-tools').click()
    fake.reply(
      { toolCalls: [{ name: 'search_library', arguments: '{"query":"otter","limit":5}' }] },
      { path: '/responses' }
    )
    fake.reply({ text: 'There is no otter in your library yet.' }, { path: '/responses' })
    await send('Do I have a video of an otter?')
    const card = page.locator('[data-testid=tool-card][data-name=search_library]')
    await card.waitFor({ timeout: 30_000 })
    expect(await card.getAttribute('data-status')).toBe('answered')
    expect(await card.getByTestId('tool-arguments').innerText()).toContain('"otter"')
    expect(await card.getByTestId('tool-result').innerText()).toContain('"results"')
    await page.getByText('There is no otter in your library yet.').waitFor()
    const followUp = fake.requestsTo('/responses').at(-1)?.body as { input: { type: string }[] }
    expect(followUp.input[0]?.type).toBe('function_call_output')
  })

  it('shows a structured answer as a tree beside its raw JSON', async () => {
    const { page } = h
    await newConversation()
    await page.getByTestId('section-schema').click()
    await page.getByTestId('schema-enable').click()
    await page.getByTestId('schema-valid').waitFor()
    fake.reply({ json: { name: 'Paris', country: 'France', population: 2100000 } })
    await send('Name a big city')
    const tree = page.getByTestId('parsed-tree')
    await tree.waitFor({ timeout: 30_000 })
    expect(await tree.locator('[data-testid=tree-field][data-name=population]').innerText()).toContain(
      '2100000'
    )
    expect(body('/responses', fake.requestsTo('/responses').length - 1)).toMatchObject({
      text: { format: { type: 'json_schema', name: 'answer', strict: true } }
    })
  })

  it('compares two models side by side and continues with the one picked', async () => {
    const { page } = h
    await newConversation()
    await page.getByTestId('toggle-compare').click()
    const columns = page.getByTestId('compare-column')
    await columns.nth(1).waitFor()
    await columns.nth(0).getByTestId('column-model').fill('gpt-4o-mini')
    await columns.nth(1).getByTestId('column-model').fill('gpt-4o')
    await page.keyboard.press('Escape')
    fake.reply({ text: 'Mini says hello.' }, { path: '/responses' })
    fake.reply({ text: 'Omni says hello.' }, { path: '/responses' })
    await page.getByTestId('compare-prompt').fill('Say hello')
    await page.getByTestId('compare-run').click()
    await expect.poll(() => page.getByTestId('column-result').count(), { timeout: 30_000 }).toBe(2)
    const models = fake
      .requestsTo('/responses')
      .slice(-2)
      .map((r) => (r.body as { model: string }).model)
    expect(models.sort()).toEqual(['gpt-4o', 'gpt-4o-mini'])
    expect(await page.getByTestId('column-metrics').first().innerText()).toMatch(/\$/)
    const second = columns.nth(1)
    const picked = await second.getByTestId('column-text').innerText()
    await second.getByTestId('pick').click()
    await page.getByTestId('message-assistant').waitFor()
    expect(await page.getByTestId('message-assistant').count()).toBe(1)
    expect(await page.getByTestId('message-assistant').innerText()).toContain(picked)
  })

  it('starts a conversation with a library image from the Gallery’s “Use in Playground”', async () => {
    const { page } = h
    const { jobId } = h.app.services.library.startImport([media('image/Landscape_6.jpg')])
    await h.app.services.jobs.waitForSettled([jobId])
    const asset = h.app.services.library.list({ search: 'Landscape', limit: 1, offset: 0 }).items[0]!
    await page.goto(`${h.server.url}#/playground/image/${asset.id}`)
    await page.reload()
    await page.getByTestId('attachment').waitFor()
    fake.reply({ text: 'A wide landscape.' }, { path: '/responses' })
    await send('What is in this picture?')
    await page.getByTestId('message-user').getByTestId('image').waitFor({ timeout: 30_000 })
    const sent = fake.requestsTo('/responses').at(-1)?.body as {
      input: { content: { type: string; image_url?: string }[] }[]
    }
    const image = sent.input[0]!.content.find((c) => c.type === 'input_image')
    expect(image?.image_url).toMatch(/^data:image\/jpeg;base64,/)
  })

  it('finds a conversation again by a word of it after a reload', async () => {
    const { page } = h
    await newConversation()
    fake.reply({ text: 'Kingfishers nest in riverbanks.' }, { path: '/responses' })
    await send('Where do kingfishers nest?')
    const answer = page.getByTestId('answer-text').filter({ hasText: 'Kingfishers nest in riverbanks.' })
    await answer.waitFor({ timeout: 30_000 })
    await page.reload()
    await page.getByTestId('conversation-search').fill('riverbanks')
    await expect.poll(() => page.getByTestId('conversation-item').count()).toBe(1)
    expect(await page.getByTestId('conversation-item').innerText()).toContain('riverbanks')
    await page.getByTestId('conversation-item').click()
    await answer.waitFor()
    expect(h.errors).toEqual([])
  })
})
