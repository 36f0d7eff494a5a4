import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { prepareImage } from '../../../../src/main/media/image/image-prep'
import { makeHugeHeaderJpeg, makeOrientedJpeg } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

async function pixel(data: Buffer, x: number, y: number): Promise<number[]> {
  const { data: raw, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (Math.round(y * (info.height - 1)) * info.width + Math.round(x * (info.width - 1))) * 3
  return [raw[at] as number, raw[at + 1] as number, raw[at + 2] as number]
}

const near = (actual: number[], expected: number[]): boolean =>
  actual.every((v, i) => Math.abs(v - (expected[i] as number)) < 60)

describe('prepareImage', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'turns EXIF orientation %i upright, mirrored ones included',
    async (orientation) => {
      const file = await makeOrientedJpeg(tempDir(), orientation)
      const out = await prepareImage(file, { model: 'gpt-4o', detail: 'high' })
      expect([out.width, out.height]).toEqual([120, 80])
      expect(near(await pixel(out.data, 0.1, 0.1), [255, 0, 0])).toBe(true)
      expect(near(await pixel(out.data, 0.9, 0.1), [0, 255, 0])).toBe(true)
      expect(near(await pixel(out.data, 0.1, 0.9), [0, 0, 255])).toBe(true)
    }
  )

  it('decodes a large JPEG file at a fraction of its size, upright, within 3 % of the target', async () => {
    // Quadrants red, green / blue, white, 4000×3000 stored, shown turned by EXIF orientation 6.
    const quadrant = (r: number, g: number, b: number) => ({
      create: { width: 2000, height: 1500, channels: 3 as const, background: { r, g, b } }
    })
    const stored = await sharp(quadrant(255, 0, 0))
      .extend({ right: 2000, bottom: 1500, background: '#ffffff' })
      .composite([
        {
          input: await sharp(quadrant(0, 255, 0))
            .png()
            .toBuffer(),
          left: 2000,
          top: 0
        },
        {
          input: await sharp(quadrant(0, 0, 255))
            .png()
            .toBuffer(),
          left: 0,
          top: 1500
        }
      ])
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    // Brackets in the path: the decode-at-a-fraction request is written in libvips' file[options].
    const dir = join(tempDir(), 'odd [name]')
    mkdirSync(dir)
    writeFileSync(join(dir, 'photo[1].jpg'), stored)
    const fromFile = await prepareImage(join(dir, 'photo[1].jpg'), { model: 'gpt-4o', detail: 'high' })
    const fromBuffer = await prepareImage(stored, { model: 'gpt-4o', detail: 'high' })
    expect([fromBuffer.width, fromBuffer.height]).toEqual([768, 1024])
    expect([fromFile.width, fromFile.height]).toEqual([750, 1000])
    expect(fromFile.tokens).toBe(fromBuffer.tokens)
    // Orientation 6 turns the picture a quarter clockwise: red top-right, blue top-left.
    for (const out of [fromFile, fromBuffer]) {
      expect(near(await pixel(out.data, 0.9, 0.1), [255, 0, 0])).toBe(true)
      expect(near(await pixel(out.data, 0.1, 0.1), [0, 0, 255])).toBe(true)
      expect(near(await pixel(out.data, 0.9, 0.9), [0, 255, 0])).toBe(true)
    }
  })

  it('sizes for the model family and estimates tokens (tile and patch rules)', async () => {
    const photo = media('image/Landscape_6.jpg')
    const high = await prepareImage(photo, { model: 'gpt-4o', detail: 'high' })
    expect([high.width, high.height]).toEqual([1152, 768])
    expect(high.tokens).toBe(85 + 170 * 3 * 2)
    const low = await prepareImage(photo, { model: 'gpt-4o', detail: 'low' })
    expect(Math.max(low.width, low.height)).toBe(512)
    expect(low.tokens).toBe(85)
    const mini = await prepareImage(photo, { model: 'gpt-4.1-mini', detail: 'high' })
    expect(Math.ceil(mini.width / 32) * Math.ceil(mini.height / 32)).toBeLessThanOrEqual(1536)
    expect(mini.tokens).toBe(Math.ceil(Math.ceil(mini.width / 32) * Math.ceil(mini.height / 32) * 1.62))
    expect(high.bytes).toBeLessThan(high.inputBytes)
  })

  it('converts CMYK, 16-bit and Display P3 input to 8-bit sRGB', async () => {
    const dir = tempDir()
    const cmyk = join(dir, 'cmyk.jpg')
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03030' } })
      .toColourspace('cmyk')
      .jpeg()
      .toFile(cmyk)
    const p3 = join(dir, 'p3.png')
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#20a040' } })
      .withIccProfile('p3')
      .png()
      .toFile(p3)
    for (const file of [cmyk, p3, media('image/tbgn2c16.png')]) {
      const out = await prepareImage(file, { model: 'gpt-4o', detail: 'high' })
      const meta = await sharp(out.data).metadata()
      expect({ space: meta.space, depth: meta.depth, channels: meta.channels }).toEqual({
        space: 'srgb',
        depth: 'uchar',
        channels: 3
      })
    }
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk')
    const red = await pixel((await prepareImage(cmyk, { model: 'gpt-4o', detail: 'high' })).data, 0.5, 0.5)
    expect(red[0]).toBeGreaterThan(150)
    expect(red[1]).toBeLessThan(110)
  })

  it('flattens transparency for JPEG, keeps it for WebP when asked, and takes the first GIF frame', async () => {
    const png = media('image/blackbug.png')
    const flat = await prepareImage(png, { model: 'gpt-4o', detail: 'low', background: '#ffffff' })
    expect((await sharp(flat.data).metadata()).hasAlpha).toBe(false)
    expect(await pixel(flat.data, 0.02, 0.02)).toEqual([255, 255, 255])
    const webp = await prepareImage(png, { model: 'gpt-4o', detail: 'low', format: 'webp', keepAlpha: true })
    expect((await sharp(webp.data).metadata()).hasAlpha).toBe(true)
    const gif = await prepareImage(media('image/rotating-squares.gif'), { model: 'gpt-4o', detail: 'high' })
    expect((await sharp(gif.data).metadata()).pages ?? 1).toBe(1)
  })

  it('reads AVIF and HEVC HEIC, and explains bombs and damaged files with codes', async () => {
    expect((await prepareImage(media('image/example.avif'), { model: 'gpt-4o', detail: 'high' })).width).toBe(
      800
    )
    // libvips cannot decode HEVC inside HEIF; libheif (WebAssembly) does: the primary 1280×854 picture.
    const heic = await prepareImage(media('image/example.heic'), { model: 'gpt-4o', detail: 'high' })
    expect([heic.width, heic.height]).toEqual([1151, 768])
    const pixels = await sharp(heic.data).stats()
    expect(pixels.channels[0]!.stdev).toBeGreaterThan(20)
    const broken = Buffer.from(readFileSync(media('image/example.heic')).subarray(0, 4000))
    await expect(prepareImage(broken, { model: 'gpt-4o', detail: 'high' })).rejects.toMatchObject({
      code: expect.stringMatching(/^MEDIA_(CORRUPT|UNSUPPORTED)$/)
    })
    const bomb = await makeHugeHeaderJpeg(tempDir(), 20000, 14000)
    await expect(prepareImage(bomb, { model: 'gpt-4o', detail: 'high' })).rejects.toMatchObject({
      code: 'MEDIA_TOO_LARGE'
    })
    await expect(
      prepareImage(media('bad/corrupt-header.jpg'), { model: 'gpt-4o', detail: 'high' })
    ).rejects.toMatchObject({ code: 'MEDIA_CORRUPT' })
    const truncated = await prepareImage(media('bad/truncated.jpg'), { model: 'gpt-4o', detail: 'high' })
    expect(truncated.width).toBeGreaterThan(0)
  })
})
