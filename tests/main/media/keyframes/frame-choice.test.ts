import { describe, expect, it } from 'vitest'
import {
  chooseFrames,
  largestGap,
  type FrameCandidate
} from '../../../../src/main/media/keyframes/frame-choice'

/** A signature with a strong gradient pattern that differs per scene. */
function scene(n: number): Uint8Array {
  return Uint8Array.from({ length: 72 }, (_, i) => ((i * (n + 3) * 37) % 7) * 30)
}

const frame = (t: number, look: number, reason: FrameCandidate['reason'] = 'keyframe'): FrameCandidate => ({
  t,
  signature: scene(look),
  reason
})

describe('chooseFrames', () => {
  it('spends one frame on a keyframe and the scene frame 40 ms after it, keeping the later one', () => {
    const candidates = [
      frame(0, 0),
      frame(10, 1),
      frame(10.04, 2, 'scene'),
      frame(20, 3),
      frame(30, 4),
      frame(40, 5)
    ]
    const { chosen, fillTimes } = chooseFrames(candidates, { durationS: 48, maxFrames: 5 })
    expect(chosen.map((c) => c.t)).toEqual([0, 10.04, 20, 30, 40])
    expect(fillTimes).toEqual([])
  })

  it('keeps frames 40 ms apart when the budget is dense enough to tell them apart', () => {
    const candidates = Array.from({ length: 10 }, (_, i) => frame(i * 0.04, i))
    const { chosen } = chooseFrames(candidates, { durationS: 0.4, maxFrames: 10 })
    expect(chosen).toHaveLength(10)
  })

  it('covers the timeline first and fills gaps where nothing was decoded', () => {
    const candidates = [frame(0, 0), frame(1, 1), frame(2, 2), frame(60, 3)]
    const { chosen, fillTimes } = chooseFrames(candidates, { durationS: 64, maxFrames: 8 })
    expect(chosen.length + fillTimes.length).toBeLessThanOrEqual(8)
    expect(largestGap([...chosen.map((c) => c.t), ...fillTimes], 64)).toBeLessThanOrEqual(16)
  })

  it('spends the rest of the budget inside long takes that hold no decoded frame', () => {
    const candidates = [frame(0, 0), frame(1, 1), frame(2, 2), frame(60, 3)]
    const { chosen, fillTimes } = chooseFrames(candidates, { durationS: 64, maxFrames: 12 })
    expect(chosen.length + fillTimes.length).toBe(12)
    expect(new Set(fillTimes).size).toBe(fillTimes.length)
    expect(fillTimes.every((t) => t > 2 && t < 60)).toBe(true)
  })

  it('spends the coverage skeleton on cuts and on the frames that reach furthest', () => {
    // A sampling pass over 40 s: one frame a second, each shot with a one-second flash (2 s into
    // every ten) that changes the picture more than the cuts at 9.5, 19.5 and 29.5 s do.
    const cuts = [9.5, 19.5, 29.5]
    const look = (t: number): number => cuts.filter((c) => c <= t).length
    const samples = Array.from({ length: 40 }, (_, t) =>
      frame(t, look(t) + (t % 10 === 2 ? 10 : 0), 'sample')
    )
    const candidates = [...samples, ...cuts.map((c) => frame(c, look(c), 'scene'))]
    const { chosen, fillTimes } = chooseFrames(candidates, { durationS: 40, maxFrames: 7 })
    const times = chosen.map((c) => c.t)
    expect(times.length + fillTimes.length).toBeLessThanOrEqual(7)
    for (const cut of cuts) expect(times, `cut ${cut}`).toContain(cut)
    expect(largestGap([...times, ...fillTimes], 40)).toBeLessThanOrEqual((2 * 40) / 7)
  })

  it('spends no budget reading frames from inside a stretch that is one continuous shot', () => {
    // Keyframes every 8 s, each a different picture; 6 frames of budget are left over.
    const candidates = Array.from({ length: 8 }, (_, i) => frame(i * 8, i))
    const spend = chooseFrames(candidates, { durationS: 64, maxFrames: 14 })
    expect(spend.fillTimes).toHaveLength(6)
    const continuous = (a: number, b: number): boolean => b - a <= 8 && b < 64
    const keep = chooseFrames(candidates, { durationS: 64, maxFrames: 14, continuous })
    expect(keep.chosen).toHaveLength(8)
    // The stretch from the last keyframe to the end is no shot the callback vouches for.
    expect(keep.fillTimes).toEqual([60])
  })
})
