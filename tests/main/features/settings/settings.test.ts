import { describe, expect, it } from 'vitest'
import { testApp } from '../../../support/app'

describe('settings are saved field by field', () => {
  it('keeps the theme when only the language is sent, and the language when only the theme is', async () => {
    const app = testApp()
    await app.router.call('settings.update', { theme: 'dark' })
    const afterLanguage = await app.router.call('settings.update', { language: 'zh-CN' })
    expect(afterLanguage).toMatchObject({ theme: 'dark', language: 'zh-CN' })
    const afterTheme = await app.router.call('settings.update', { theme: 'light' })
    expect(afterTheme).toMatchObject({ theme: 'light', language: 'zh-CN' })
    expect(await app.router.call('settings.get', {})).toMatchObject({ theme: 'light', language: 'zh-CN' })
  })

  it('refuses unknown keys and wrong values, changing nothing', async () => {
    const app = testApp()
    await app.router.call('settings.update', { theme: 'dark' })
    expect(await app.router.handle('settings.update', { colour: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' }
    })
    expect(await app.router.handle('settings.update', { theme: 'purple' })).toMatchObject({ ok: false })
    expect(await app.router.call('settings.get', {})).toMatchObject({ theme: 'dark', language: 'en' })
  })
})
