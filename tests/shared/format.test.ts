import { describe, expect, it } from 'vitest'
import { formatDuration } from '../../src/shared/format'
import { timecode } from '../../src/shared/timecode'

describe('formatDuration', () => {
  it('cuts seconds the way the player and the timecodes do, so a card and the player agree', () => {
    expect(formatDuration(70.54)).toBe('1:10')
    expect(formatDuration(70.54)).toBe(timecode(70.54).replace(/^0/, ''))
    expect(formatDuration(59.999)).toBe('0:59')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(null)).toBe('')
  })
})
