// npm run bench:images — image extraction as a user runs it: `framewise extract <folder> --template
// caption --json`, end to end with process start, against the local fake server answering each
// request after a fixed delay (a stand-in for a provider's latency; no network). The baseline is the
// same command sending one image at a time, measured in the same run. Then the estimate is compared
// with the requests actually sent: image tokens by the model's formula applied to the picture that
// was sent (the formula itself is checked against billed usage in bench:summary-cost), text tokens
// as estimated (characters ÷ 4) against a count by the o200k tokenizer of the text actually sent.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { encode } from 'gpt-tokenizer'
import sharp from 'sharp'
import { imageTokens } from '../../src/main/media/image/image-tokens'
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai/server'

const ROOT = resolve(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'framewise')
const IMAGES = Number(process.env.BENCH_IMAGES ?? 24)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 800)
const MODEL = 'gpt-4o-mini'
const CAPTION = {
  caption: 'A test pattern',
  tags: ['pattern'],
  objects: [],
  dominant_colours: ['grey'],
  text_in_image: ''
}

const line = (label: string, value: string): void => console.log(`${label.padEnd(58)} ${value}`)

/** Distinct 12 MP photos (Gaussian noise of a different mean each), as JPEG. */
async function photos(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < IMAGES; i += 1) {
    const noise = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 60 + i * 5, sigma: 30 }
      }
    })
      .jpeg({ quality: 85 })
      .toBuffer()
    await sharp(noise).toFile(join(dir, `photo-${String(i).padStart(2, '0')}.jpg`))
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string; code: number }> {
  const started = performance.now()
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0
        ? done({ ms: performance.now() - started, stdout, code })
        : fail(new Error(`exit ${code}: ${stderr}`))
    )
  })
}

function script(fake: FakeOpenAI): void {
  fake.reset()
  fake.reply(
    { json: CAPTION, usage: { input: 1200, output: 40 } },
    { path: '/chat/completions', times: IMAGES }
  )
  fake.fault({ kind: 'slow_first_byte', delayMs: LATENCY_MS }, { path: '/chat/completions', times: IMAGES })
}

async function throughput(fake: FakeOpenAI, folder: string, inFlight: number): Promise<number> {
  script(fake)
  const env = {
    FRAMEWISE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-images-data-')),
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: fake.baseURL,
    FRAMEWISE_IMAGES_IN_FLIGHT: String(inFlight)
  }
  const out = await run(['extract', folder, '--template', 'caption', '--model', MODEL, '--json'], env)
  const doc = JSON.parse(out.stdout) as { rows: unknown[] }
  if (doc.rows.length !== IMAGES) throw new Error(`expected ${IMAGES} rows, got ${doc.rows.length}`)
  rmSync(env.FRAMEWISE_DATA_DIR, { recursive: true, force: true })
  return out.ms
}

interface SentBody {
  messages: {
    role: string
    content: string | { type: string; text?: string; image_url?: { url: string } }[]
  }[]
  response_format: unknown
}

/** What the requests really carried: the sent pictures' sizes and the sent text. */
async function sentTokens(fake: FakeOpenAI): Promise<{ image: number; text: number }> {
  let image = 0
  let text = 0
  for (const request of fake.requestsTo('/chat/completions')) {
    const body = request.body as SentBody
    for (const message of body.messages) {
      const parts =
        typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content
      for (const part of parts) {
        if (part.type === 'text') text += encode(part.text ?? '').length
        if (part.type === 'image_url') {
          const data = Buffer.from((part.image_url?.url ?? '').split(',')[1] ?? '', 'base64')
          const meta = await sharp(data).metadata()
          image += imageTokens(meta.width ?? 0, meta.height ?? 0, MODEL, 'low')
        }
      }
    }
    text += encode(JSON.stringify(body.response_format)).length
  }
  return { image, text }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-images-'))
  const folder = join(dir, 'photos')
  const fake = await startFakeOpenAI()
  try {
    await photos(folder)
    console.log(`bench:images — ${IMAGES} distinct 4000×3000 JPEGs, ${MODEL}, caption template (low detail)`)
    console.log(
      `fake provider answering each request after ${LATENCY_MS} ms (measured end to end, process start included)\n`
    )
    const one = await throughput(fake, folder, 1)
    const four = await throughput(fake, folder, 4)
    const perMinute = (ms: number): string => ((IMAGES * 60_000) / ms).toFixed(0)
    line(
      'one image at a time (baseline): wall, images/min',
      `${(one / 1000).toFixed(1)} s, ${perMinute(one)}/min`
    )
    line('4 in flight (default): wall, images/min', `${(four / 1000).toFixed(1)} s, ${perMinute(four)}/min`)
    line('speed-up vs one at a time', `${(one / four).toFixed(1)}×`)

    // Estimate vs the requests actually sent (the last run's requests).
    const sent = await sentTokens(fake)
    const estimate = JSON.parse(
      (
        await run(['extract', folder, '--template', 'caption', '--model', MODEL, '--estimate', '--json'], {
          FRAMEWISE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-images-est-')),
          OPENAI_API_KEY: 'sk-bench',
          OPENAI_BASE_URL: fake.baseURL
        })
      ).stdout
    ) as { imageTokens: number; textTokens: number }
    console.log('')
    line('image tokens: estimate / formula on the pictures sent', `${estimate.imageTokens} / ${sent.image}`)
    line(
      'text tokens: estimate (chars ÷ 4) / o200k count of text sent',
      `${estimate.textTokens} / ${sent.text} (${((100 * estimate.textTokens) / sent.text - 100).toFixed(0)} %)`
    )
  } finally {
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
