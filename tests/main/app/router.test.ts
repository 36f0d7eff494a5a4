import { describe, expect, it } from 'vitest'
import { createRouter, type Handlers } from '../../../src/main/app/router'
import { createSilentLogger } from '../../../src/main/platform/logger'
import { AppError } from '../../../src/shared/errors'
import { testApp } from '../../support/app'

describe('router', () => {
  it('rejects invalid input with VALIDATION_FAILED and changes nothing', async () => {
    const app = testApp()
    const result = await app.router.handle('library.import', { paths: [] })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(app.services.jobs.list({ limit: 10 })).toEqual([])
    const wrongType = await app.router.handle('settings.update', { theme: 'purple' })
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('theme') }
    })
    expect(app.services.settings.get().theme).toBe('auto')
  })

  it('answers an unknown route with NOT_FOUND', async () => {
    const app = testApp()
    expect(await app.router.handle('library.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
  })

  it('passes AppError codes through and hides other exceptions behind INTERNAL', async () => {
    const app = testApp()
    expect(await app.router.handle('library.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    const handlers = {
      'app.info': () => {
        throw new TypeError('secret internals')
      }
    } as unknown as Handlers
    const router = createRouter(handlers, { validateOutput: true, logger: createSilentLogger() })
    const result = await router.handle('app.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('secret internals')
  })

  it('validates outputs in strict mode so a handler cannot send malformed data', async () => {
    const handlers = { 'app.info': () => ({ version: 1 }) } as unknown as Handlers
    const router = createRouter(handlers, { validateOutput: true, logger: createSilentLogger() })
    expect(await router.handle('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(new AppError('CONFLICT', 'x').toInfo()).toEqual({ code: 'CONFLICT', message: 'x' })
  })
})
