import { describe, expect, it } from 'vitest'
import type { KeyframeIndex } from '../../../../src/main/media/keyframes/keyframe-index'
import { findSizeSpikes, gopMayHoldCut } from '../../../../src/main/media/keyframes/scene-candidates'

/** 30 fps packets in display order, keyframes where `keys` says, P-frames of `p` bytes. */
function index(durationS: number, keys: Record<number, number>, p: number, big: Record<number, number> = {}) {
  const n = Math.round(durationS * 30)
  const times = Float64Array.from({ length: n }, (_, i) => i / 30)
  const keyframe = Uint8Array.from({ length: n }, (_, i) => (keys[i] !== undefined ? 1 : 0))
  const sizes = Uint32Array.from({ length: n }, (_, i) => keys[i] ?? big[i] ?? p + (i % 3) * 50)
  const built: KeyframeIndex = {
    times,
    sizes,
    positions: Float64Array.from({ length: n }, (_, i) => i * 1000),
    keyframe,
    count: n,
    keyframeTimes: [...times].filter((_, i) => keyframe[i]),
    ptsSorted: times.slice()
  }
  return built
}

describe('gopMayHoldCut', () => {
  // Keyframes every 5 s (packets 0, 150, 300), ~2 KB P-frames.
  const keys = { 0: 60_000, 150: 50_000, 300: 70_000 }
  const gop = (first: number, next: number) => ({ first, next, limit: next / 30 - 0.9 })

  it('leaves a long GOP alone when nothing in it was coded from scratch (the cut is at its keyframe)', () => {
    const steady = index(12, keys, 2000)
    expect(gopMayHoldCut(steady, gop(0, 150), findSizeSpikes(steady))).toBe(false)
  })

  it('searches a long GOP holding a packet as large as a picture coded from scratch', () => {
    // A cut at 7 s, P-coded: about a third of a keyframe.
    const cut = index(12, keys, 2000, { 210: 18_000 })
    expect(gopMayHoldCut(cut, gop(150, 300), findSizeSpikes(cut))).toBe(true)
    // Within its last 0.9 s the next keyframe shows the cut in time: no search for that.
    const late = index(12, keys, 2000, { 280: 18_000 })
    expect(gopMayHoldCut(late, gop(150, 300), findSizeSpikes(late))).toBe(false)
  })

  it('keeps the size-spike rule for short GOPs', () => {
    const short = { 0: 60_000, 60: 50_000, 120: 70_000 }
    const spike = index(6, short, 2000, { 80: 12_000 })
    expect(gopMayHoldCut(spike, gop(60, 120), findSizeSpikes(spike))).toBe(true)
    const flat = index(6, short, 2000)
    expect(gopMayHoldCut(flat, gop(60, 120), findSizeSpikes(flat))).toBe(false)
  })
})
