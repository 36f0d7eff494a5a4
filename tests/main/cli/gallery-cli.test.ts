import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { runTs } from '../../support/spawn'
import { tempDir } from '../../support/temp'

const CLI = 'src/main/cli/main.ts'

async function setup() {
  const fake = await fakeOpenAI()
  const env = {
    FRAMEWISE_DATA_DIR: tempDir(),
    OPENAI_API_KEY: 'sk-cli-images',
    OPENAI_BASE_URL: fake.baseURL
  }
  return { fake, env }
}

interface Images {
  images: { assetId: string; path: string; width: number; height: number; format: string }[]
  model: string
  usage: Record<string, number>
  costUsd: number
  revisedPrompt?: string
  parentAssetId?: string
}

describe('framewise generate, edit and gallery', () => {
  it('writes two PNG files that `file` recognises and that the gallery lists by a word of the prompt', async () => {
    const { env } = await setup()
    const estimate = await runTs(
      CLI,
      ['generate', 'a red fox', '--n', '2', '--quality', 'low', '--estimate', '--json'],
      env
    )
    expect(estimate.code, estimate.stderr).toBe(0)
    expect(JSON.parse(estimate.stdout)).toMatchObject({ basis: 'tokens', images: 2 })

    const made = await runTs(CLI, ['generate', 'a red fox', '--n', '2', '--json'], env)
    expect(made.code, made.stderr).toBe(0)
    const doc = JSON.parse(made.stdout) as Images
    expect(doc).toMatchObject({ model: 'gpt-image-1', usage: { inputTokens: 22 } })
    expect(doc.costUsd).toBeGreaterThan(0)
    expect(doc.images).toHaveLength(2)
    for (const image of doc.images) {
      expect(execFileSync('file', ['-b', image.path], { encoding: 'utf8' })).toMatch(
        /^PNG image data, 1024 x 1024/
      )
      expect(image).toMatchObject({ width: 1024, height: 1024, format: 'png' })
    }

    const listed = await runTs(CLI, ['gallery', '--search', 'fox', '--json'], env)
    expect(listed.code, listed.stderr).toBe(0)
    const gallery = JSON.parse(listed.stdout) as {
      items: { assetId: string; path: string; prompt: string }[]
    }
    expect(gallery.items.map((i) => i.assetId).sort()).toEqual(doc.images.map((i) => i.assetId).sort())
    expect(gallery.items.every((i) => i.prompt === 'a red fox')).toBe(true)
    expect(gallery.items[0]).toHaveProperty('params')

    const edited = await runTs(CLI, ['edit', doc.images[0]!.assetId, 'make it night', '--json'], env)
    expect(edited.code, edited.stderr).toBe(0)
    const edit = JSON.parse(edited.stdout) as Images
    expect(edit.parentAssetId).toBe(doc.images[0]!.assetId)
    expect(edit.images).toHaveLength(1)
  })

  it('edits a file with a mask file and a reference, and refuses a size the model does not make', async () => {
    const { fake, env } = await setup()
    const dir = tempDir('cli-edit-')
    const photo = join(dir, 'street.png')
    const ref = join(dir, 'ref.jpg')
    const mask = join(dir, 'mask.png')
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .png()
      .toFile(photo)
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#996633' } })
      .jpeg()
      .toFile(ref)
    await sharp({
      create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } }
    })
      .png()
      .toFile(mask)
    const edited = await runTs(CLI, ['edit', photo, 'add rain', '--mask', mask, '--ref', ref, '--json'], env)
    expect(edited.code, edited.stderr).toBe(0)
    const doc = JSON.parse(edited.stdout) as Images
    expect(doc.parentAssetId).toEqual(expect.any(String))
    expect(fake.requestsTo('/images/edits')).toHaveLength(1)

    const refused = await runTs(
      CLI,
      ['generate', 'x', '--model', 'dall-e-3', '--size', '256x256', '--json'],
      env
    )
    expect(refused.code).toBe(1)
    const error = (JSON.parse(refused.stdout) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toContain('1024x1024, 1792x1024, 1024x1792')
    const bad = await runTs(CLI, ['generate', 'x', '--n', 'two', '--json'], env)
    expect(bad.code).toBe(2)
  })
})
