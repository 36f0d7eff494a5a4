import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
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

describe('a file uploaded through the web UI', () => {
  it('keeps no staging path as where it came from', async () => {
    const app = testApp()
    const staged = join(app.paths.stagingDir, 'upload-1')
    mkdirSync(staged, { recursive: true })
    copyFileSync(media('video/flower.mp4'), join(staged, 'flower.mp4'))
    await importAndWait(app, [join(staged, 'flower.mp4')])
    const [asset] = (await app.router.call('library.list', { limit: 1 })).items
    expect(asset?.name).toBe('flower.mp4')
    expect(asset?.sourcePath).toBeNull()
  })
})
