import { describe, expect, it } from 'vitest'
import { importAndWait, testApp } from '../../../support/app'
import { media } from '../../../support/temp'

describe('a file that cannot be decoded', () => {
  it('is marked once, with the code, when its preview fails; a good file is not', async () => {
    const app = testApp()
    await importAndWait(app, [media('bad/invalid-bitstream.webm'), media('video/flower.mp4')])
    const { items } = await app.router.call('library.list', { limit: 10 })
    const bad = items.find((a) => a.name === 'invalid-bitstream.webm')
    const good = items.find((a) => a.name === 'flower.mp4')
    expect(bad?.thumb.state).toBe('failed')
    expect(bad?.problem?.code).toMatch(/^MEDIA_/)
    expect(good?.problem).toBeNull()
  })
})
