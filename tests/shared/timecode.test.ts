import { describe, expect, it } from 'vitest'
import { splitCitations, subtitleClock, timecode } from '../../src/shared/timecode'

describe('timecode', () => {
  it('writes mm:ss below an hour and h:mm:ss above', () => {
    expect(timecode(0)).toBe('00:00')
    expect(timecode(75.9)).toBe('01:15')
    expect(timecode(3725)).toBe('1:02:05')
    expect(timecode(-3)).toBe('00:00')
  })

  it('writes subtitle clocks with milliseconds', () => {
    expect(subtitleClock(3725.0456, ',')).toBe('01:02:05,046')
    expect(subtitleClock(1.5, '.')).toBe('00:00:01.500')
  })

  it('finds timestamp citations in an answer, ranges included, and ignores impossible ones', () => {
    const pieces = splitCitations(
      'It starts at [00:05], again [1:02:03] and [01:10–01:20]; not [99:99] or [note].'
    )
    expect(pieces.filter((p) => p.t !== undefined).map((p) => p.t)).toEqual([5, 3723, 70])
    expect(pieces.map((p) => p.text).join('')).toBe(
      'It starts at [00:05], again [1:02:03] and [01:10–01:20]; not [99:99] or [note].'
    )
  })
})
