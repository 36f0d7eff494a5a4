import { describe, expect, it } from 'vitest'
import { testApp } from '../../../support/app'

describe('price table', () => {
  it('marks a price edited only while it differs from the list price', async () => {
    const app = testApp()
    const listed = (await app.router.call('prices.list', {})).find((p) => p.model === 'gpt-4o-mini')
    if (!listed) throw new Error('gpt-4o-mini has no list price')
    const edited = await app.router.call('prices.update', { ...listed, inputPerM: listed.inputPerM * 2 })
    expect(edited.find((p) => p.model === 'gpt-4o-mini')?.edited).toBe(true)
    const back = await app.router.call('prices.update', { ...listed, edited: true })
    expect(back.find((p) => p.model === 'gpt-4o-mini')).toMatchObject({
      edited: false,
      inputPerM: listed.inputPerM
    })
  })
})
