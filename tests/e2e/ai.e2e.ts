import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
let fake: FakeOpenAI
const dataDir = suiteTempDir('framewise-e2e-ai-')
const KEY = 'sk-e2e-never-shown-0001'

beforeAll(async () => {
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

describe('Settings → Providers and the Usage page in Chromium', () => {
  it('adds a provider with a masked key and tests the connection', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/settings`)
    await page.getByTestId('provider-add').click()
    await page.getByTestId('provider-preset-openai').click()
    await page.getByTestId('provider-base-url').fill(fake.baseURL)
    const keyField = page.getByTestId('provider-api-key')
    await keyField.fill(KEY)
    expect(await keyField.getAttribute('type')).toBe('password')
    await page.getByTestId('provider-save').click()
    await page.getByTestId('provider-row').waitFor()
    expect(await page.getByTestId('provider-row').innerText()).toMatch(/key saved/i)
    await page.getByTestId('provider-test').click()
    const result = page.getByTestId('provider-test-result')
    await result.waitFor()
    expect(await result.getAttribute('data-ok')).toBe('true')
    expect(await result.innerText()).toMatch(/Connected in \d+ ms · \d+ models/)
    expect(await page.content()).not.toContain(KEY)
    expect(fake.requestsTo('/models')[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('explains a failing connection in plain words', async () => {
    const { page } = h
    fake.fault({ kind: 'unauthorized' }, { path: '/models' })
    await page.getByTestId('provider-test').click()
    await expect.poll(() => page.getByTestId('provider-test-result').getAttribute('data-ok')).toBe('false')
    expect(await page.getByTestId('provider-test-result').innerText()).toContain('API key')
  })

  it('shows cost per day, the per-model table and the cached-token share', async () => {
    const { page, app } = h
    fake.reply({ text: 'one', usage: { input: 2000, cached: 1500, output: 100 } })
    fake.reply({ text: 'two', usage: { input: 1000, cached: 0, output: 50 } })
    await app.services.ai.chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a' }] })
    await app.services.ai.chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'b' }] })
    await page.getByTestId('nav-usage').click()
    await page.getByTestId('usage-models').waitFor()
    const table = await page.getByTestId('usage-models').innerText()
    expect(table).toContain('gpt-4o-mini')
    expect(table).toContain('gpt-4o')
    expect(await page.getByTestId('usage-cached-share').innerText()).toContain('50%')
    expect(await page.getByTestId('usage-total-cost').innerText()).toMatch(/^\$0\.0/)
    await page.getByTestId('usage-chart').waitFor()
    expect(h.errors).toEqual([])
  })
})
