import { describe, expect, it } from 'vitest'
import { AppError, toErrorInfo } from '../../src/shared/errors'
import { formatBytes, formatDuration } from '../../src/shared/format'

describe('toErrorInfo', () => {
  it('keeps an AppError code, message and details', () => {
    const info = toErrorInfo(new AppError('MEDIA_CORRUPT', 'broken', { stderr: 'x' }))
    expect(info).toEqual({ code: 'MEDIA_CORRUPT', message: 'broken', details: { stderr: 'x' } })
  })

  it('maps an AbortError to CANCELLED and anything else to INTERNAL without a stack', () => {
    const abort = new Error('aborted')
    abort.name = 'AbortError'
    expect(toErrorInfo(abort).code).toBe('CANCELLED')
    const info = toErrorInfo(new TypeError('boom'))
    expect(info).toEqual({ code: 'INTERNAL', message: 'boom' })
  })
})

describe('formatters', () => {
  it('formats sizes and durations for people', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB')
    expect(formatDuration(75)).toBe('1:15')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(null)).toBe('')
  })
})
