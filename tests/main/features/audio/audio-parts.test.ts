import { describe, expect, it } from 'vitest'
import { MAX_SPEECH_CHARS } from '../../../../src/main/ai/calls/audio'
import { speechUsage, spokenSeconds } from '../../../../src/main/ai/speech-usage'
import { assertVoice, titleOf } from '../../../../src/main/features/audio/speech-service'
import { splitForSpeech } from '../../../../src/main/features/audio/speech-text'
import {
  isSilentPiece,
  mergePieces,
  soundSpan,
  spreadSentences
} from '../../../../src/main/features/audio/transcript-merge'
import { voicesFor } from '../../../../src/shared/domain/audio'

const squash = (text: string) => text.replace(/\s+/g, '')

describe('cutting text for speech', () => {
  it('keeps short text whole and cuts long text at sentences, every piece under the limit, nothing lost', () => {
    expect(splitForSpeech('  Hello there.  ')).toEqual(['Hello there.'])
    expect(splitForSpeech(' \n ')).toEqual([])
    const text = 'One sentence here, with a clause. Another one follows! Does it end? '.repeat(200)
    const pieces = splitForSpeech(text)
    expect(pieces.length).toBeGreaterThanOrEqual(4)
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SPEECH_CHARS)
    expect(squash(pieces.join(''))).toBe(squash(text))
    // Each piece ends where a sentence does; the first is short so playback starts soon.
    for (const piece of pieces) expect(piece).toMatch(/[.!?]$/)
    expect(pieces[0]!.length).toBeLessThanOrEqual(600)
    // The rest are of similar length, not one full piece and a scrap.
    const rest = pieces.slice(1).map((p) => p.length)
    expect(Math.min(...rest) / Math.max(...rest)).toBeGreaterThan(0.6)
  })

  it('cuts Chinese at 。！？ and a sentence longer than the limit at clause marks, then spaces', () => {
    const zh = '今天天气很好，我们去公园散步吧。你觉得怎么样？好啊！'.repeat(250)
    const pieces = splitForSpeech(zh)
    expect(pieces.join('')).toBe(zh)
    for (const piece of pieces) expect(piece).toMatch(/[。！？]$/u)
    const run = `${'word, '.repeat(1500)}end`
    const cut = splitForSpeech(run)
    expect(squash(cut.join(''))).toBe(squash(run))
    for (const piece of cut) expect(piece.length).toBeLessThanOrEqual(MAX_SPEECH_CHARS)
    const blob = 'x'.repeat(9000)
    expect(splitForSpeech(blob).join('')).toBe(blob)
  })

  it('names voices per model, prices speech by characters or estimated audio tokens, and titles files', () => {
    expect(voicesFor('tts-1')).not.toContain('ballad')
    expect(voicesFor('gpt-4o-mini-tts')).toEqual(
      expect.arrayContaining(['ballad', 'verse', 'marin', 'cedar'])
    )
    expect(voicesFor('my-local-tts')).toBeNull()
    expect(() => assertVoice('tts-1-hd', 'verse')).toThrow(/Its voices: alloy/)
    expect(() => assertVoice('some-local-model', 'anything')).not.toThrow()
    expect(speechUsage('tts-1', 'Hello world')).toMatchObject({ characters: 11, inputTokens: 0 })
    const mini = speechUsage('gpt-4o-mini-tts', 'a'.repeat(150))
    expect(mini.audioTokens).toBe(Math.round((150 / 15) * (1250 / 60)))
    expect(spokenSeconds('你好世界。')).toBeGreaterThan(spokenSeconds('Hello.'))
    expect(titleOf('Four score and seven years ago our fathers brought forth on this continent')).toBe(
      'Four score and seven years ago our fathers…'
    )
    expect(titleOf('Ask not what your country can do for you. Ask what you can do.')).toBe(
      'Ask not what your country can do for you'
    )
    expect(titleOf('今天天气很好。我们去公园散步吧！')).toBe('今天天气很好')
    expect(titleOf('a/b\\c:d*e?\n second line')).toBe('a b c d e')
    expect(titleOf('   ')).toBe('Speech')
  })
})

describe('joining transcript pieces', () => {
  const piece = (segments: { start: number; end: number; text: string }[]) => ({
    text: segments.map((s) => s.text).join(' '),
    language: 'english',
    segments,
    words: []
  })

  it('merges a sentence spoken across the cut, drops what the next piece heard again, and never runs backwards', () => {
    const merged = mergePieces(
      [
        piece([
          { start: 0, end: 5, text: 'First line.' },
          { start: 5, end: 9.8, text: 'We are go for' }
        ]),
        piece([
          { start: 9.8, end: 9.9, text: 'we are go for.' },
          { start: 9, end: 9.5, text: 'Heard twice.' },
          { start: 10, end: 14, text: 'Landing.' },
          { start: 13.5, end: 16, text: 'The eagle has landed.' }
        ])
      ],
      15
    )
    expect(merged.segments.map((s) => [s.text, s.start, s.end])).toEqual([
      ['First line.', 0, 5],
      ['We are go for', 5, 9.9],
      ['Landing.', 10, 14],
      ['The eagle has landed.', 13.5, 15]
    ])
    expect(merged.text).toBe('First line. We are go for Landing. The eagle has landed.')
  })

  it('spreads sentences over the sound of a piece, and finds silence from the peaks', () => {
    expect(spreadSentences('One two. Three four five six!', 10, 20)).toEqual([
      { start: 10, end: 12.857, text: 'One two.' },
      { start: 12.857, end: 20, text: 'Three four five six!' }
    ])
    const peaks = [0, 0, 0.5, 0.4, 0, 0, 0, 0, 0, 0]
    expect(isSilentPiece({ startS: 0, durationS: 5 }, peaks, 10)).toBe(false)
    expect(isSilentPiece({ startS: 5, durationS: 5 }, peaks, 10)).toBe(true)
    expect(soundSpan({ startS: 0, durationS: 5 }, peaks, 10)).toEqual({ from: 2, to: 4 })
  })
})
