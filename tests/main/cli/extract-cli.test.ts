import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { fixture } from '../../support/paths'
import { runTs } from '../../support/spawn'
import { tempDir } from '../../support/temp'

const CLI = 'src/main/cli/main.ts'
const CAPTION = {
  caption: 'A beetle',
  tags: ['bug'],
  objects: ['beetle'],
  dominant_colours: ['black'],
  text_in_image: ''
}

interface RunDocument {
  runId: string
  batchId?: string
  rows: { assetId: string; file: string; fields: Record<string, unknown>; cached: boolean; costUsd: number }[]
  failed: { file: string; error: { code: string } }[]
  costUsd: number
}

async function setup() {
  const fake = await fakeOpenAI()
  const env = {
    FRAMEWISE_DATA_DIR: tempDir(),
    OPENAI_API_KEY: 'sk-cli-extract',
    OPENAI_BASE_URL: fake.baseURL,
    FRAMEWISE_BATCH_POLL_MS: '20'
  }
  const dir = tempDir('cli-photos-')
  for (const name of ['Landscape_6.jpg', 'Portrait_5.jpg', 'blackbug.png'])
    copyFileSync(fixture('media', 'image', name), join(dir, name))
  copyFileSync(fixture('media', 'bad', 'corrupt-header.jpg'), join(dir, 'corrupt-header.jpg'))
  return { fake, env, dir }
}

describe('framewise extract', () => {
  it('gives a row per good image and a failure per bad one; a second run sends nothing and costs nothing', async () => {
    const { fake, env, dir } = await setup()
    fake.reply({ json: CAPTION }, { path: '/chat/completions', times: 3 })
    const estimate = await runTs(CLI, ['extract', dir, '--template', 'caption', '--estimate', '--json'], env)
    expect(estimate.code, estimate.stderr).toBe(0)
    expect(JSON.parse(estimate.stdout)).toMatchObject({
      images: 3,
      imageTokens: expect.any(Number),
      batchCostUsd: expect.any(Number)
    })
    expect(fake.requests).toHaveLength(0)

    const first = await runTs(CLI, ['extract', dir, '--template', 'caption', '--json'], env)
    expect(first.code, first.stderr).toBe(0)
    const doc = JSON.parse(first.stdout) as RunDocument
    expect(doc.rows).toHaveLength(3)
    expect(doc.rows[0]?.fields).toEqual(CAPTION)
    expect(doc.failed).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('corrupt-header.jpg'),
        error: expect.objectContaining({ code: 'MEDIA_CORRUPT' })
      })
    ])
    expect(doc.costUsd).toBeGreaterThan(0)
    expect(fake.requestsTo('/chat/completions')).toHaveLength(3)

    const second = await runTs(CLI, ['extract', dir, '--template', 'caption', '--json'], env)
    const again = JSON.parse(second.stdout) as RunDocument
    expect(again.rows.map((r) => [r.cached, r.costUsd])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0]
    ])
    expect(again.costUsd).toBe(0)
    expect(fake.requestsTo('/chat/completions')).toHaveLength(3)

    const csvFile = join(tempDir(), 'rows.csv')
    const exported = await runTs(CLI, ['runs', 'export', doc.runId, '--format', 'csv', '--out', csvFile], env)
    expect(exported.code, exported.stderr).toBe(0)
    const csv = readFileSync(csvFile, 'utf8')
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFfile,status,caption,tags,objects,dominant_colours,text_in_image,error'
    )
    expect(csv).toContain('A beetle')
  })

  it('sends a Batch and returns at once; batch wait polls, imports and prints the same rows', async () => {
    const { fake, env, dir } = await setup()
    fake.batchBehaviour({ pollsToComplete: 3 })
    const sent = await runTs(CLI, ['extract', dir, '--template', 'receipt', '--batch', '--json'], env)
    expect(sent.code, sent.stderr).toBe(0)
    const doc = JSON.parse(sent.stdout) as { runId: string; batchId: string; state: string; requests: number }
    expect(doc).toMatchObject({ batchId: expect.stringMatching(/^batch_/), requests: 3 })

    const list = await runTs(CLI, ['batch', 'list', '--json'], env)
    expect((JSON.parse(list.stdout) as { batches: { remoteId: string }[] }).batches[0]?.remoteId).toBe(
      doc.batchId
    )

    const waited = await runTs(CLI, ['batch', 'wait', doc.batchId, '--json'], env)
    expect(waited.code, waited.stderr).toBe(0)
    const rows = JSON.parse(waited.stdout) as RunDocument & { state: string }
    expect(rows).toMatchObject({ runId: doc.runId, batchId: doc.batchId, state: 'completed' })
    expect(rows.rows).toHaveLength(3)
    expect(rows.costUsd).toBeGreaterThan(0)
    // Imported once: waiting again changes nothing and asks for nothing more.
    const before = fake.requests.length
    const again = await runTs(CLI, ['batch', 'wait', doc.batchId, '--json'], env)
    expect((JSON.parse(again.stdout) as RunDocument).rows).toHaveLength(3)
    expect(fake.requests.length).toBe(before)
  })

  it('refuses a schema strict mode would reject before sending anything', async () => {
    const { fake, env, dir } = await setup()
    const schema = join(tempDir(), 'loose.json')
    writeFileSync(schema, JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } }))
    const out = await runTs(
      CLI,
      ['extract', dir, '--schema', schema, '--instructions', 'Read a', '--json'],
      env
    )
    expect(out.code).not.toBe(0)
    expect(JSON.parse(out.stdout || out.stderr)).toMatchObject({ error: { code: 'AI_SCHEMA_INVALID' } })
    expect(fake.requests).toHaveLength(0)
  })
})
