// Keyframe recall on the Tears of Steel clip, scored against cut times verified by looking at the
// frames (tests/fixtures/media/video/tears-of-steel-cuts.json) rather than against ffmpeg's own
// scene>0.3 filter. npm run bench:media prints the same two figures side by side.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import { selectKeyframes } from '../../../../src/main/media/keyframes/keyframes'
import { recall, VERIFIED_CUT_TOLERANCE_S, verifiedCuts } from '../../../../scripts/bench/baselines'
import { media, tempDir } from '../../../support/temp'

const CLIP = media('video/tears-of-steel-battle-clip-medium.webm')
const LIST = media('video/tears-of-steel-cuts.json')

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

describe('Tears of Steel: cuts verified by eye', () => {
  it('is the list bench:media uses for this clip, and only for this clip', () => {
    const verified = verifiedCuts(CLIP)
    expect(verified).not.toBeNull()
    expect(verifiedCuts(media('video/flower.mp4'))).toBeNull()
    const doc = JSON.parse(readFileSync(LIST, 'utf8')) as {
      videoFacts: { lastFramePts: number }
      method: string[]
      verifiedBy: string
      cuts: { t: number; lastFrameBefore: number }[]
    }
    expect(doc.method.length).toBeGreaterThan(0)
    expect(doc.verifiedBy).toMatch(/looking at the extracted frames/)
    const cuts = verified?.cuts ?? []
    expect(cuts).toHaveLength(25)
    expect(cuts).toEqual([...cuts].sort((a, b) => a - b))
    for (const cut of doc.cuts) {
      expect(cut.lastFrameBefore).toBeLessThan(cut.t)
      expect(cut.t - cut.lastFrameBefore).toBeLessThan(0.05) // consecutive frames at 24 fps
      expect(cut.t).toBeLessThanOrEqual(doc.videoFacts.lastFramePts)
    }
    // ffmpeg's scene>0.3 filter found 18 of them and nothing else.
    const filter = verified?.filterDetections ?? []
    expect(filter).toHaveLength(18)
    for (const t of filter) expect(cuts).toContain(t)
  })

  it('reports the keyframe selection’s recall against the verified cuts next to the filter figure', async () => {
    const verified = verifiedCuts(CLIP)
    const result = await selectKeyframes(binaries, CLIP, { maxFrames: 32, tmpDir: tempDir() })
    const times = result.frames.map((f) => f.t)
    const cuts = verified?.cuts ?? []
    const missed = cuts.filter((c) => recall([c], times, 1, VERIFIED_CUT_TOLERANCE_S) === 0)
    const vsVerified = recall(cuts, times, 1, VERIFIED_CUT_TOLERANCE_S)
    const vsFilter = recall(verified?.filterDetections ?? [], times)
    console.log(
      `budget 32, ${times.length} frames: recall vs ${cuts.length} verified cuts ${(100 * vsVerified).toFixed(1)} %` +
        ` (missed: ${missed.join(', ') || 'none'}); vs ffmpeg scene>0.3 ${(100 * vsFilter).toFixed(1)} %`
    )
    // 25 of 25 when this list was made (2026-12-02); ADR 005/007/012 claim 100 % on this clip.
    expect(vsVerified).toBe(1)
    expect(vsFilter).toBe(1)
  })
})
