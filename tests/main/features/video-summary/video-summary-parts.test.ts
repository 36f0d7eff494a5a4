import { describe, expect, it } from 'vitest'
import type { PriceService } from '../../../../src/main/ai/price-service'
import { normaliseSummary } from '../../../../src/main/features/video-summary/chapters'
import { chooseDetails, imageTokenTotal } from '../../../../src/main/features/video-summary/detail-budget'
import { estimateSummary, windowCount } from '../../../../src/main/features/video-summary/estimate'
import { exportAnalysis, type ExportInput } from '../../../../src/main/features/video-summary/exports'
import { summaryMessages } from '../../../../src/main/features/video-summary/prompt'
import { dropRepeats } from '../../../../src/main/features/audio/transcript-merge'
import { SEGMENTS, summaryJson } from '../../../support/video-summary'

describe('chapters', () => {
  it('sorts, clamps and joins chapters into one timeline from 0 to the duration', () => {
    const summary = normaliseSummary(
      {
        ...summaryJson(100),
        chapters: [
          { start: 60, end: 500, title: 'C', summary: '' },
          { start: 3, end: 70, title: 'A', summary: '' },
          { start: 30, end: 20, title: 'B', summary: '' },
          { start: 30, end: 40, title: 'B again', summary: '' },
          { start: Number.NaN, end: 5, title: 'broken', summary: '' }
        ],
        keyMoments: [
          { t: 150, description: 'after the end' },
          { t: 40, description: 'b' },
          { t: 10, description: 'a' }
        ]
      },
      100
    )
    expect(summary.chapters.map((c) => [c.title, c.start, c.end])).toEqual([
      ['broken', 0, 3],
      ['A', 3, 30],
      ['B', 30, 60],
      ['C', 60, 100]
    ])
    expect(summary.keyMoments.map((m) => m.t)).toEqual([10, 40])
  })
})

describe('detail budget', () => {
  const frames = Array.from({ length: 32 }, (_, i) => ({ width: 1024, height: 576, scene: i % 8 === 3 }))

  it('keeps an explicit detail for every frame', () => {
    expect(new Set(chooseDetails(frames, 'gpt-4o', 'high'))).toEqual(new Set(['high']))
  })

  it('upgrades scene changes first and stays inside the budget', () => {
    // Scene changes first, then the rest spread over the video (0, then the middle) while the budget lasts.
    const details = chooseDetails(frames, 'gpt-4o', 'auto', 7000)
    expect(imageTokenTotal(frames, details, 'gpt-4o')).toBeLessThanOrEqual(7000)
    const upgraded = details.flatMap((d, i) => (d === 'high' ? [i] : []))
    expect(upgraded.length).toBeGreaterThan(0)
    expect(upgraded).toEqual([0, 3, 11, 16, 19, 27])
  })
})

describe('estimate', () => {
  const prices = {
    cost: (model: string, u: { inputTokens: number; outputTokens: number; audioSeconds?: number }) =>
      model === 'whisper-1' ? (u.audioSeconds ?? 0) * 0.0001 : u.inputTokens * 1e-6 + u.outputTokens * 4e-6
  } as unknown as PriceService
  const frames = Array.from({ length: 10 }, () => ({ width: 1024, height: 576, scene: false }))

  it('prices frames, transcript and audio minutes before anything is sent', () => {
    const e = estimateSummary(
      {
        durationS: 120,
        hasAudio: true,
        frames,
        model: 'gpt-4o-mini',
        detail: 'low',
        transcribeModel: 'whisper-1'
      },
      prices
    )
    expect(e).toMatchObject({ frames: 10, detail: 'low', windows: 1, audioMinutes: 2, transcriptTokens: 400 })
    expect(e.imageTokens).toBe(imageTokenTotal(frames, Array(10).fill('low'), 'gpt-4o-mini'))
    expect(e.costUsd).toBeCloseTo(e.promptTokens * 1e-6 + e.outputTokens * 4e-6 + 120 * 0.0001, 6)
  })

  it('counts no audio for silent videos and several windows plus a merge for long ones', () => {
    const silent = estimateSummary(
      {
        durationS: 120,
        hasAudio: false,
        frames,
        model: 'gpt-4o-mini',
        detail: 'low',
        transcribeModel: 'whisper-1'
      },
      prices
    )
    expect(silent).toMatchObject({ audioMinutes: 0, transcriptTokens: 0 })
    expect(windowCount(400)).toBe(1)
    expect(windowCount(3600)).toBe(12)
    const long = estimateSummary(
      {
        durationS: 3600,
        hasAudio: true,
        frames,
        model: 'gpt-4o-mini',
        detail: 'low',
        transcribeModel: 'whisper-1'
      },
      prices
    )
    expect(long.windows).toBe(12)
    expect(long.outputTokens).toBe(1200 * 13)
  })
})

describe('prompt', () => {
  it('puts each frame after its timestamp and ends with the timestamped transcript', () => {
    const messages = summaryMessages({
      name: 'clip.mp4',
      durationS: 3700,
      frames: [
        { t: 5, dataUrl: 'data:a', detail: 'low' },
        { t: 3661, dataUrl: 'data:b', detail: 'high' }
      ],
      segments: SEGMENTS
    })
    const parts = messages[1]?.content as { type: string; text?: string }[]
    expect(parts.map((p) => p.text ?? p.type)).toEqual([
      'The video is “clip.mp4”, 1:01:40 long.',
      '[00:05]',
      'image_url',
      '[1:01:01]',
      'image_url',
      expect.stringContaining('Transcript:\n[00:00] Get them out of here!\n[00:04] We need more time')
    ])
  })
})

describe('transcript clean-up', () => {
  it('collapses a looping line but keeps a single repeat', () => {
    const loop = [
      { start: 0, end: 1, text: 'Hello.' },
      { start: 1, end: 2, text: 'Hello.' },
      { start: 2, end: 3, text: 'Thank you.' },
      { start: 3, end: 4, text: 'Thank you.' },
      { start: 4, end: 5, text: ' thank you. ' },
      { start: 5, end: 6, text: 'Thank you.' },
      { start: 6, end: 7, text: 'Bye.' }
    ]
    expect(dropRepeats(loop).map((s) => [s.text.trim(), s.start, s.end])).toEqual([
      ['Hello.', 0, 1],
      ['Hello.', 1, 2],
      ['Thank you.', 2, 3],
      ['Thank you.', 3, 6],
      ['Bye.', 6, 7]
    ])
  })
})

describe('exports', () => {
  const input: ExportInput = {
    name: 'battle.webm',
    durationS: 70,
    summary: normaliseSummary(summaryJson(70), 70),
    transcript: {
      id: 't',
      model: 'whisper-1',
      language: 'en',
      text: '',
      segments: [...SEGMENTS, { start: 15, end: 15, text: '  ' }],
      durationS: 70
    },
    frames: [{ t: 1, path: '/x/1.jpg' }],
    model: 'gpt-4o-mini',
    costUsd: 0.0123
  }

  it('writes Markdown with the chapters, key moments and transcript', () => {
    const md = exportAnalysis(input, 'md')
    expect(md.filename).toBe('battle.md')
    expect(md.content).toContain(
      '## Chapters\n\n- **[00:00–00:28] Holding the bridge** — The soldiers take position.'
    )
    expect(md.content).toContain('- [00:31] The robot appears')
    expect(md.content).toContain('[00:09] You have two minutes.')
  })

  it('writes SRT and VTT cues without empty lines, and JSON with everything', () => {
    const srt = exportAnalysis(input, 'srt').content
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:04,200\nGet them out of here!\n')).toBe(true)
    expect(srt.match(/-->/g)).toHaveLength(3)
    const vtt = exportAnalysis(input, 'vtt').content
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:04.200\n')).toBe(true)
    const json = JSON.parse(exportAnalysis(input, 'json').content) as {
      summary: { chapters: unknown[] }
      frames: unknown[]
    }
    expect(json.summary.chapters).toHaveLength(2)
    expect(json.frames).toHaveLength(1)
    expect(exportAnalysis(input, 'txt').content.split('\n')[1]).toBe(
      '[00:04] We need more time to finish the device.'
    )
  })
})
