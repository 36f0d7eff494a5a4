import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language, ThemeMode } from '../../src/shared/domain/settings'
import { startFakeRealtime, type FakeRealtime } from '../support/fake-realtime/server'
import { ROOT } from '../support/spawn'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

const OUT = join(ROOT, 'artifacts', 'screenshots')
const QUESTION = 'What do I have about foxes?'
const ANSWER = 'You have one video about a red fox in the snow.'

let h: Harness
let fake: FakeRealtime

/** Chromium's fake microphone plays this file in a loop: 2.5 s of real speech, then 4 s of silence. */
function microphoneWav(dir: string): string {
  const file = join(dir, 'microphone.wav')
  const made = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    media('audio', 'jfk.flac'),
    '-af',
    'atrim=0:2.5,apad=pad_dur=4',
    '-ar',
    '48000',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    file
  ])
  if (made.status !== 0) throw new Error(made.stderr.toString())
  return file
}

/** The connection the next session opens (after `before` earlier ones). */
async function waitForConnection(before: number) {
  await expect.poll(() => fake.connections.length, { timeout: 15_000 }).toBeGreaterThan(before)
  return () => fake.connections[before] as (typeof fake.connections)[number]
}

beforeAll(async () => {
  const dir = suiteTempDir('framewise-e2e-voice-')
  fake = await startFakeRealtime()
  // Paced like a real server, so the page hears the answer stream in.
  fake.script({ paceMs: 25 })
  h = await startHarness({
    dataDir: join(dir, 'data'),
    chromiumArgs: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${microphoneWav(dir)}`,
      '--autoplay-policy=no-user-gesture-required'
    ]
  })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-voice'
  })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

describe('the Voice page in Chromium with a fake microphone', () => {
  it('holds a spoken turn: both transcripts appear, the answer’s audio arrives and plays, the session is kept', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/voice`)
    const start = page.getByTestId('voice-start')
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true)
    await start.click()
    const live = page.getByTestId('voice-live')
    await expect.poll(() => live.getAttribute('data-phase')).toBe('live')
    await expect.poll(() => page.getByTestId('voice-meter').count()).toBe(1)

    await expect
      .poll(() => page.getByTestId('voice-user-text').first().textContent(), { timeout: 30_000 })
      .toBe(QUESTION)
    await expect
      .poll(() => page.getByTestId('voice-assistant-text').first().textContent(), { timeout: 30_000 })
      .toBe(ANSWER)
    // 1.2 s of answer at 24 kHz came in as events and went to the player worklet, which played it.
    await expect
      .poll(async () => Number(await live.getAttribute('data-received-samples')), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(28_800)
    await expect
      .poll(async () => Number(await live.getAttribute('data-played-samples')), { timeout: 15_000 })
      .toBeGreaterThan(0)
    await expect.poll(() => page.getByText(/first audio after \d+ ms/).count()).toBeGreaterThan(0)

    // The microphone went up through the core as PCM16 at 24 kHz, and the fake heard speech in it.
    const appended = fake.connections[0]?.received.filter((e) => e.type === 'input_audio_buffer.append') ?? []
    const bytes = appended.reduce((sum, e) => sum + Number(e.bytes), 0)
    expect(bytes).toBeGreaterThan(2.5 * 24_000 * 2)
    expect(fake.connections[0]?.headers.authorization).toBe('Bearer sk-e2e-voice')

    await page.getByTestId('voice-end').click()
    await expect.poll(() => live.getAttribute('data-phase')).toBe('idle')
    await page.getByTestId('voice-sessions-search').fill('foxes')
    await expect.poll(() => page.getByTestId('voice-session').count()).toBe(1)
    await page.getByTestId('voice-sessions-search').fill('zebra')
    await page.getByTestId('voice-sessions-empty').waitFor()
    await page.getByTestId('voice-sessions-search').fill('')
    await page.getByTestId('voice-session').first().click()
    await page.getByTestId('voice-session-dialog').getByText(ANSWER).first().waitFor()
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })

  it('barge-in: speaking over a long answer stops it, and the server keeps only what was heard', async () => {
    // An 8 s answer: the fake microphone speaks again (its file loops) while it is still playing.
    fake.script({ audioMs: 8000, paceMs: 10 })
    const { page } = h
    await page.goto(`${h.server.url}#/voice`)
    await page.getByTestId('voice-start').click()
    const connection = await waitForConnection(fake.connections.length)
    const truncate = () => connection().received.find((e) => e.type === 'conversation.item.truncate')
    await expect.poll(truncate, { timeout: 30_000 }).toBeDefined()
    const heardMs = Number(truncate()?.audio_end_ms)
    expect(heardMs).toBeGreaterThan(500)
    expect(heardMs).toBeLessThan(8000)
    await expect.poll(() => page.getByText(/· interrupted/).count()).toBeGreaterThan(0)
    await page.getByTestId('voice-end').click()
    fake.script({ audioMs: 1200, paceMs: 25 })
    expect(h.errors).toEqual([])
  })

  it('the socket cut mid-answer: the user is told, the transcript is kept, and the answer comes whole', async () => {
    fake.fault({ kind: 'cut_mid_response', afterEvents: 7 })
    const { page } = h
    await page.goto(`${h.server.url}#/voice`)
    await page.getByTestId('voice-start').click()
    const notices = page.getByTestId('voice-notice')
    await expect
      .poll(() => notices.allTextContents(), { timeout: 30_000 })
      .toEqual([
        'The connection dropped — reconnecting with the conversation so far…',
        'Reconnected; the conversation so far was restored.'
      ])
    await expect
      .poll(() => page.getByTestId('voice-assistant-text').allTextContents(), { timeout: 15_000 })
      .toContain(ANSWER)
    expect(await page.getByTestId('voice-user-text').first().textContent()).toBe(QUESTION)
    await page.getByTestId('voice-end').click()
    expect(h.errors).toEqual([])
  })

  it('without a microphone it says why and the conversation goes on in typed messages', async () => {
    const page = await h.browser.newPage()
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
    })
    try {
      await page.goto(`${h.server.url}#/voice`)
      await page.getByTestId('voice-start').click()
      const notice = page.getByTestId('voice-mic-unavailable')
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('NotAllowedError')
      await page.getByTestId('voice-text').fill('Anything about foxes?')
      await page.getByTestId('voice-text').press('Enter')
      await expect
        .poll(() => page.getByTestId('voice-user-text').first().textContent())
        .toBe('Anything about foxes?')
      await expect
        .poll(() => page.getByTestId('voice-assistant-text').first().textContent(), { timeout: 15_000 })
        .toBe(ANSWER)
      await page.getByTestId('voice-end').click()
    } finally {
      await page.close()
    }
  })

  it('looks right in English and Chinese, light and dark, at 800 and 1440 px', async () => {
    mkdirSync(OUT, { recursive: true })
    // A library lookup before the answer, so the pictures show a tool call in the transcript.
    fake.script({ toolCall: { name: 'search_library', arguments: '{"query":"fox"}' } })
    const { page } = h
    for (const language of ['en', 'zh-CN'] as Language[]) {
      for (const theme of ['light', 'dark'] as ThemeMode[]) {
        h.app.services.settings.update({ language, theme })
        await page.goto(`${h.server.url}#/voice`)
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
        await page.getByTestId('voice-start').click()
        await expect
          .poll(() => page.getByTestId('voice-assistant-text').count(), { timeout: 30_000 })
          .toBeGreaterThan(0)
        await page.waitForTimeout(600)
        for (const width of [1440, 1024, 800]) {
          await page.setViewportSize({ width, height: 900 })
          await page.waitForTimeout(300)
          await page.screenshot({ path: join(OUT, `voice-${language}-${theme}-${width}.png`) })
        }
        await page.setViewportSize({ width: 1360, height: 860 })
        await page.getByTestId('voice-end').click()
      }
    }
    expect(h.errors).toEqual([])
  })
})
