import { describe, expect, it } from 'vitest'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { testApp } from '../../../support/app'

describe('providers in use', () => {
  it('lists the environment provider beside the ones added in Settings, with where its key comes from', async () => {
    const fake = await fakeOpenAI()
    const app = testApp({ env: { OPENAI_API_KEY: 'sk-env-123456789', OPENAI_BASE_URL: fake.baseURL } })
    expect((await app.router.call('providers.list', {})).map((p) => p.id)).toEqual(['env'])
    const added = await addProvider(app, fake.baseURL, { name: 'Added' })
    const listed = await app.router.call('providers.list', {})
    expect(listed.map((p) => p.id)).toEqual([added.id, 'env'])
    expect(listed.find((p) => p.id === 'env')).toMatchObject({ keySource: 'env', isDefault: false })
  })

  it('remembers the models the environment provider listed, so model pickers can offer them', async () => {
    const fake = await fakeOpenAI()
    const app = testApp({ env: { OPENAI_API_KEY: 'sk-env-123456789', OPENAI_BASE_URL: fake.baseURL } })
    const test = await app.router.call('providers.test', { id: 'env' })
    expect(test.ok).toBe(true)
    expect(test.models.length).toBeGreaterThan(0)
    const env = (await app.router.call('providers.list', {})).find((p) => p.id === 'env')
    expect(env?.models).toEqual(expect.arrayContaining(test.models))
    // …and still after a restart.
    const again = testApp({
      dataDir: app.paths.dataDir,
      env: { OPENAI_API_KEY: 'sk-env-123456789', OPENAI_BASE_URL: fake.baseURL }
    })
    const later = (await again.router.call('providers.list', {})).find((p) => p.id === 'env')
    expect(later?.models).toEqual(expect.arrayContaining(test.models))
  })
})
