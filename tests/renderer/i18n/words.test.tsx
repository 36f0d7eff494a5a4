import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { FrameSet } from '../../../src/shared/domain/frames'
import type { CostEstimate } from '../../../src/shared/domain/video'
import { EstimateLine } from '../../../src/renderer/src/features/video/EstimateLine'
import { Filmstrip } from '../../../src/renderer/src/features/video/Filmstrip'
import { languageName } from '../../../src/renderer/src/i18n/language-name'
import { fakeApi, renderUi } from '../render'

const estimate = (over: Partial<CostEstimate>): CostEstimate =>
  ({
    model: 'gpt-4o-mini',
    frames: 0,
    detail: 'low',
    imageTokens: 0,
    transcriptTokens: 120,
    promptTokens: 900,
    outputTokens: 700,
    audioMinutes: 0.2,
    windows: 1,
    costUsd: 0.0012,
    ...over
  }) as CostEstimate

const frameSet = (times: number[]): FrameSet => ({
  id: 's',
  assetId: 'a',
  strategy: 'keyframes',
  strategyReason: '',
  durationS: 2,
  elapsedMs: 1,
  maxFrames: 8,
  createdAt: '2026-01-01T00:00:00Z',
  frames: times.map((t, i) => ({
    t,
    path: `f${i}.jpg`,
    thumbPath: `t${i}.jpg`,
    width: 10,
    height: 10,
    reason: 'keyframe'
  }))
})

describe('words', () => {
  it('does not talk about frames for a recording, and counts parts in the right number', () => {
    fakeApi({})
    renderUi(<EstimateLine estimate={estimate({ windows: 1 })} loading={false} />)
    const text = screen.getByTestId('estimate').textContent ?? ''
    expect(text).not.toMatch(/frame/)
    expect(text).not.toMatch(/\(s\)|part/)
  })

  it('says “1 frame” and “2 parts”', () => {
    fakeApi({})
    renderUi(<EstimateLine estimate={estimate({ frames: 1, imageTokens: 85, windows: 2 })} loading={false} />)
    const text = screen.getByTestId('estimate').textContent ?? ''
    expect(text).toContain('1 frame at Low detail')
    expect(text).toContain('2 parts')
  })

  it('labels frames with tenths of a second when two fall in the same second', () => {
    fakeApi({})
    renderUi(<Filmstrip frames={frameSet([0, 0.4, 0.8, 1.5])} currentTime={0} onSeek={() => undefined} />)
    const labels = screen.getAllByTestId('filmstrip-frame').map((b) => b.textContent)
    expect(labels).toEqual(['00:00.0', '00:00.4', '00:00.8', '00:01.5'])
  })

  it('keeps whole seconds when frames are a second or more apart', () => {
    fakeApi({})
    renderUi(<Filmstrip frames={frameSet([0, 6, 9])} currentTime={0} onSeek={() => undefined} />)
    expect(screen.getAllByTestId('filmstrip-frame').map((b) => b.textContent)).toEqual([
      '00:00',
      '00:06',
      '00:09'
    ])
  })

  it('names a transcript language in the reader’s language', () => {
    expect(languageName('english', 'en')).toBe('English')
    expect(languageName('english', 'zh-CN')).toBe('英语')
    expect(languageName('ja', 'en')).toBe('Japanese')
    expect(languageName('klingon', 'en')).toBe('klingon')
  })
})
