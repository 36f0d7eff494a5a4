import type { FakeOpenAI } from './fake-openai/server'

/** What a model might answer for a video of this length: two chapters, deliberately a little off. */
export function summaryJson(durationS: number, title = 'The battle on the bridge') {
  return {
    title,
    language: 'en',
    overview: 'Soldiers hold a bridge against a giant robot while a scientist argues with a soldier.',
    chapters: [
      // Out of order, overlapping and past the end, as real models sometimes answer.
      {
        start: durationS * 0.4,
        end: durationS + 30,
        title: 'The robot attacks',
        summary: 'The robot breaks through.'
      },
      {
        start: 0.5,
        end: durationS * 0.5,
        title: 'Holding the bridge',
        summary: 'The soldiers take position.'
      }
    ],
    keyMoments: [{ t: durationS * 0.45, description: 'The robot appears' }],
    topics: ['science fiction', 'battle'],
    people: ['Celia', 'Thom'],
    actionItems: []
  }
}

export const SEGMENTS = [
  { start: 0, end: 4.2, text: 'Get them out of here!' },
  { start: 4.2, end: 9.8, text: 'We need more time to finish the device.' },
  { start: 9.8, end: 15, text: 'You have two minutes.' }
]

/** Scripts the fake server to answer summaries and transcriptions for a whole run. */
export function scriptVideoReplies(fake: FakeOpenAI, durationS: number, times = 20): void {
  fake.reply(
    { json: summaryJson(durationS), usage: { input: 4200, output: 380, cached: 0 } },
    { path: '/chat/completions', times }
  )
  fake.reply({ segments: SEGMENTS, language: 'english' }, { path: '/audio/transcriptions', times })
}
