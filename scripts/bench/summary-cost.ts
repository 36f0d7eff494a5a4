// Estimate vs. measured tokens for summarising the Tears of Steel fixture (npm run bench:summary-cost).
// The provider is the local fake server (no network), so "measured" means the request Framewise
// actually sent, counted with the o200k tokenizer for text and the published formula for images.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { encode } from 'gpt-tokenizer'
import sharp from 'sharp'
import { createApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { imageTokens } from '../../src/main/media/image/image-tokens'
import type { ImportReport } from '../../src/shared/domain/asset'
import { startFakeOpenAI } from '../../tests/support/fake-openai/server'
import { summaryJson } from '../../tests/support/video-summary'

const VIDEO = resolve(__dirname, '../../tests/fixtures/media/video/tears-of-steel-battle-clip-medium.webm')
/** Per-message framing tokens the chat format adds (role markers). */
const TOKENS_PER_MESSAGE = 3

type Part =
  { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail: 'low' | 'high' } }

async function measure(messages: { content: string | Part[] }[], model: string) {
  let text = 0
  let images = 0
  for (const message of messages) {
    text += TOKENS_PER_MESSAGE
    const parts: Part[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content
    for (const part of parts) {
      if (part.type === 'text') text += encode(part.text).length
      else {
        const data = Buffer.from(part.image_url.url.split(',')[1] ?? '', 'base64')
        const { width = 0, height = 0 } = await sharp(data).metadata()
        images += imageTokens(width, height, model, part.image_url.detail)
      }
    }
  }
  return { text, images }
}

async function main(): Promise<void> {
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
    const body = fake.requestsTo('/chat/completions')[0]?.body as {
      model: string
      messages: { content: string | Part[] }[]
      response_format: unknown
    }
    const sent = await measure(body.messages, body.model)
    const schemaTokens = encode(JSON.stringify(body.response_format)).length
    const measured = sent.text + sent.images + schemaTokens
    const analysis = app.services.summaries.get(assetId)
    const rows = [
      ['frames', estimate.frames, analysis?.frames?.frames.length ?? 0],
      ['image tokens', estimate.imageTokens, sent.images],
      [
        'text tokens (prompt, transcript, schema)',
        estimate.promptTokens - estimate.imageTokens,
        sent.text + schemaTokens
      ],
      ['prompt tokens', estimate.promptTokens, measured]
    ] as const
    console.log(
      `Tears of Steel clip (70.5 s), model ${estimate.model}, detail auto, budget ${estimate.frames} frames`
    )
    console.log('what'.padEnd(42), 'estimate'.padStart(10), 'measured'.padStart(10), 'ratio'.padStart(7))
    for (const [what, est, got] of rows)
      console.log(
        what.padEnd(42),
        String(est).padStart(10),
        String(got).padStart(10),
        (got ? est / got : 0).toFixed(2).padStart(7)
      )
    console.log(
      `estimated cost $${estimate.costUsd.toFixed(5)} (incl. ${estimate.audioMinutes} audio min); transcript lines sent: ${analysis?.transcript?.segments.length ?? 0}`
    )
  } finally {
    await app.close()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main()
