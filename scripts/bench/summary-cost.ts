// Estimate vs. tokens for summarising the Tears of Steel fixture (npm run bench:summary-cost), then
// the same formulas against genuine billed usage.
//
// Part 1 runs against the local fake server (no network), so nothing in it is billed usage: the
// "estimate" column is estimateSummary before anything is sent, and "sent (recount)" is the request
// Framewise actually sent, recounted — images by the project's formula at the size actually sent,
// text with the o200k tokenizer. Both columns are computed, neither is observed.
// Part 2 is observed: recorded OpenAI responses whose requests are known
// (tests/fixtures/openai/vision-usage-samples.json), their billed prompt tokens against the formula.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { encode } from 'gpt-tokenizer'
import sharp from 'sharp'
import { createApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { imageTokens } from '../../src/main/media/image/image-tokens'
import type { ImportReport } from '../../src/shared/domain/asset'
import { startFakeOpenAI } from '../../tests/support/fake-openai/server'
import { requestParts, textTokens, type RequestParts } from '../../tests/support/request-tokens'
import { summaryJson } from '../../tests/support/video-summary'

const ROOT = resolve(__dirname, '../..')
const VIDEO = join(ROOT, 'tests/fixtures/media/video/tears-of-steel-battle-clip-medium.webm')
const OPENAI = join(ROOT, 'tests/fixtures/openai')

type Json = Record<string, unknown>
type Usage = { prompt_tokens?: number; input_tokens?: number }
const billed = (u: Usage): number => u.prompt_tokens ?? u.input_tokens ?? NaN
const pct = (est: number, got: number): string => (got ? `${(100 * (est / got - 1)).toFixed(1)} %` : '')
const row = (cells: (string | number)[], widths: number[]): string =>
  cells
    .map((c, i) => (i === 0 ? String(c).padEnd(widths[0] ?? 0) : String(c).padStart(widths[i] ?? 0)))
    .join(' ')

/** Image tokens of the images actually sent, by the project's formula at the decoded size. */
async function sentImageTokens(parts: RequestParts, model: string): Promise<number> {
  let total = 0
  for (const image of parts.images) {
    const data = Buffer.from(image.url.split(',')[1] ?? '', 'base64')
    const { width = 0, height = 0 } = await sharp(data).metadata()
    total += imageTokens(width, height, model, image.detail === 'low' ? 'low' : 'high')
  }
  return total
}

async function fakeServerRun(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'framewise-bench-cost-'))
  const fake = await startFakeOpenAI()
  const app = createApp({ dataDir, version: 'bench', secretStore: new MemorySecretStore(), strict: false })
  try {
    await app.services.providers.save(null, {
      kind: 'openai',
      name: 'Fake',
      baseURL: fake.baseURL,
      apiKey: 'sk-bench'
    })
    const { jobId: importJob } = app.services.library.startImport([VIDEO])
    await app.services.jobs.waitForSettled([importJob])
    const assetId = (app.services.jobs.get(importJob).result as ImportReport).imported[0]?.assetId
    if (!assetId) throw new Error('import failed')
    const estimate = await app.services.summaries.estimate(assetId, {})
    fake.reply({ json: summaryJson(70.5) }, { path: '/chat/completions' })
    const { jobId } = await app.services.summaries.start(assetId, {}, false)
    if (jobId) await app.services.jobs.waitForSettled([jobId])
    const body = fake.requestsTo('/chat/completions')[0]?.body as Json & { model: string }
    const parts = requestParts(body)
    const images = await sentImageTokens(parts, body.model)
    const text = textTokens(parts)
    const schema = encode(JSON.stringify(body.response_format)).length
    const analysis = app.services.summaries.get(assetId)
    const w = [52, 10, 16, 8]
    console.log(
      `== Part 1 — Tears of Steel clip (70.5 s), model ${estimate.model}, detail auto, budget ${estimate.frames} frames`
    )
    console.log(
      '   local fake server: both columns are computed (formula / o200k recount), none is billed usage'
    )
    console.log(row(['what', 'estimate', 'sent (recount)', 'ratio'], w))
    const rows: [string, number, number][] = [
      ['frames', estimate.frames, analysis?.frames?.frames.length ?? 0],
      ['image tokens (formula)', estimate.imageTokens, images],
      [
        'text tokens (estimate: fixed allowance; sent: o200k)',
        estimate.promptTokens - estimate.imageTokens,
        text + schema
      ],
      ['  of which response_format schema (o200k of its JSON)', 0, schema],
      ['prompt tokens (formula + o200k)', estimate.promptTokens, images + text + schema]
    ]
    for (const [what, est, got] of rows)
      console.log(row([what, est || '–', got, est && got ? (est / got).toFixed(2) : ''], w))
    console.log(
      `estimated cost (formula × price table) $${estimate.costUsd.toFixed(5)} (incl. ${estimate.audioMinutes} audio min); transcript lines sent: ${analysis?.transcript?.segments.length ?? 0}`
    )
  } finally {
    await app.close()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

interface Sample {
  id: string
  endpoint: string
  images: { width: number; height: number }[]
  request: Json & { model: string }
  response: { usage: Usage }
  previousTurn?: { request: Json; response: { usage: Usage } }
}

function genuineUsage(): void {
  const { samples } = JSON.parse(readFileSync(join(OPENAI, 'vision-usage-samples.json'), 'utf8')) as {
    samples: Sample[]
  }
  const w = [13, 10, 6, 14, 12, 10, 16, 7]
  console.log('\n== Part 2 — genuine billed usage: recorded OpenAI responses whose request is known')
  console.log('   (tests/fixtures/openai/vision-usage-samples.json; sources in tests/fixtures/SOURCES.md)')
  console.log(
    row(
      [
        'model',
        'image',
        'detail',
        'image (formula)',
        'text (o200k)',
        'predicted',
        'prompt (observed)',
        'error'
      ],
      w
    )
  )
  for (const sample of samples) {
    const parts = requestParts(sample.request)
    const detail = parts.images.some((i) => i.detail === 'low') ? 'low' : 'high'
    const image = sample.images.reduce(
      (sum, i) => sum + imageTokens(i.width, i.height, sample.request.model, detail),
      0
    )
    let text = textTokens(parts)
    let observed = billed(sample.response.usage)
    let label = sample.request.model
    if (sample.previousTurn) {
      // Only what the second turn added: the image and three short messages.
      text -= textTokens(requestParts(sample.previousTurn.request))
      observed -= billed(sample.previousTurn.response.usage)
      label += ' Δ'
    }
    const size = sample.images.map((i) => `${i.width}×${i.height}`).join(',')
    const api = sample.endpoint === '/v1/responses' ? ' (responses API)' : ''
    console.log(
      row([label, size, detail, image, text, image + text, observed, pct(image + text, observed)], w) + api
    )
  }
  // The one genuine Structured Outputs recording: what its schema was billed vs its JSON's o200k count.
  const http = JSON.parse(
    readFileSync(join(OPENAI, 'chat-completion-json-schema-strict.http.json'), 'utf8')
  ) as {
    request: { body: Json & { response_format: unknown } }
  }
  const response = JSON.parse(
    readFileSync(join(OPENAI, 'chat-completion-json-schema-strict.json'), 'utf8')
  ) as {
    usage: Usage
  }
  const schemaBilled = billed(response.usage) - textTokens(requestParts(http.request.body))
  const schemaJson = encode(JSON.stringify(http.request.body.response_format)).length
  console.log(
    `\nresponse_format schema, genuine sample: billed ${schemaBilled} tokens (observed, prompt minus o200k text)` +
      ` for a schema whose JSON counts ${schemaJson} (o200k): the recount above over-counts schemas by ~${Math.round(100 * (schemaJson / schemaBilled - 1))} %`
  )
  console.log(
    'Not checked against billed usage: the estimate’s fixed text allowance (600 tokens a window, 200 a spoken minute) — no recording of a Framewise summary request exists; Part 1 compares it with the o200k recount only.'
  )
}

async function main(): Promise<void> {
  await fakeServerRun()
  genuineUsage()
}

void main()
