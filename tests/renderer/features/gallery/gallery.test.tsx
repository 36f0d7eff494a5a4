import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GalleryDetail, GalleryItem, ImageModelOption } from '../../../../src/shared/domain/gallery'
import GalleryPage from '../../../../src/renderer/src/features/gallery/GalleryPage'
import { Route } from 'wouter'
import { fakeApi, renderUi } from '../../render'

// jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

// jsdom lays nothing out; the virtual grid measures its viewport with clientWidth/clientHeight.
const SIZES = { clientWidth: 1000, clientHeight: 800 }
beforeAll(() => {
  for (const [key, value] of Object.entries(SIZES))
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value })
})
afterAll(() => {
  for (const key of Object.keys(SIZES)) Reflect.deleteProperty(HTMLElement.prototype, key)
})

const GPT: ImageModelOption = {
  model: 'gpt-image-1',
  family: 'gpt-image',
  sizes: ['auto', '1024x1024', '1536x1024', '1024x1536'],
  qualities: ['auto', 'low', 'medium', 'high'],
  backgrounds: ['auto', 'transparent', 'opaque'],
  formats: ['png', 'jpeg', 'webp'],
  maxN: 10,
  maxEditImages: 16,
  masks: true,
  variations: false,
  moderation: true,
  compression: true,
  maxPartialImages: 3
}
const DALL_E_3: ImageModelOption = {
  ...GPT,
  model: 'dall-e-3',
  family: 'dall-e-3',
  sizes: ['1024x1024', '1792x1024', '1024x1792'],
  qualities: ['standard', 'hd'],
  backgrounds: [],
  formats: ['png'],
  maxN: 1,
  maxEditImages: 0,
  masks: false,
  moderation: false,
  compression: false,
  maxPartialImages: 0
}

const item = (over: Partial<GalleryItem>): GalleryItem => ({
  assetId: 'a1',
  path: 'aa/a1.png',
  width: 1024,
  height: 1024,
  format: 'png',
  thumbPath: 'aa/a1-thumb.webp',
  name: 'a red fox.png',
  runId: 'r1',
  operation: 'generate',
  prompt: 'a red fox',
  revisedPrompt: null,
  model: 'gpt-image-1',
  params: { size: '1024x1024', quality: 'high', n: 2, background: 'transparent', outputFormat: 'webp' },
  parentAssetId: null,
  parentAssetIds: [],
  maskPath: null,
  responseId: null,
  usage: { inputTokens: 22, outputTokens: 12480, imageTokens: 0, images: 0 },
  costUsd: 0.25,
  favourite: false,
  createdAt: '2026-12-01T10:00:00Z',
  ...over
})

const FOX = item({})
const LIGHTHOUSE = item({
  assetId: 'a4',
  path: 'aa/a4.png',
  runId: 'r4',
  model: 'dall-e-3',
  prompt: 'a lighthouse at dusk',
  revisedPrompt: 'A lighthouse at dusk under a violet sky',
  params: { size: '1024x1792', quality: 'hd', n: 1 }
})
const FOX2 = item({ assetId: 'a2', path: 'aa/a2.png', thumbPath: null })
const NIGHT = item({
  assetId: 'a3',
  path: 'aa/a3.png',
  runId: 'r2',
  operation: 'edit',
  prompt: 'make it night',
  parentAssetId: 'a1',
  parentAssetIds: ['a1'],
  maskPath: 'mm/mask.png',
  params: { size: '1024x1024', n: 1 }
})

function api(extra: Record<string, (input: unknown) => unknown> = {}) {
  return fakeApi({
    'gallery.models': () => [GPT, DALL_E_3],
    'gallery.list': () => ({
      items: [NIGHT, FOX, FOX2, LIGHTHOUSE],
      nextCursor: null,
      models: ['gpt-image-1', 'dall-e-3']
    }),
    'gallery.estimate': (input) => {
      const request = (input as { request: { n: number } }).request
      return { costUsd: 0.1664 * request.n, perImageUsd: 0.1664, basis: 'tokens', images: request.n }
    },
    'gallery.detail': (input): GalleryDetail => {
      const id = (input as { assetId: string }).assetId
      if (id === 'a4') return { item: LIGHTHOUSE, parents: [], children: [], chain: [LIGHTHOUSE] }
      if (id === 'a3')
        return {
          item: NIGHT,
          parents: [{ assetId: 'a1', name: FOX.name, path: FOX.path, thumbPath: FOX.thumbPath, item: FOX }],
          children: [],
          chain: [FOX, NIGHT]
        }
      return { item: FOX, parents: [], children: [NIGHT], chain: [FOX, NIGHT] }
    },
    'jobs.list': () => [],
    ...extra
  })
}

function page(path = '/gallery') {
  return renderUi(<Route path="/gallery/:first?/:second?" component={GalleryPage} />, path)
}

describe('the Gallery page', () => {
  it('offers only what the model takes, estimates before running, and sends the parameters', async () => {
    const fake = api({ 'gallery.generate': () => ({ runId: 'r9', jobId: 'j9' }), 'gallery.run': () => ({}) })
    page('/gallery/a4')
    await screen.findAllByTestId('gallery-item')
    fireEvent.change(screen.getByTestId('gallery-prompt'), { target: { value: 'a fox' } })
    expect(
      await screen.findByText('About $0.166 for 1 image (by tokens)', {}, { timeout: 2000 })
    ).toBeTruthy()
    expect(screen.getByTestId('image-background')).toBeTruthy()
    // Remixing a DALL·E 3 image: one image at a time, no background or format choice.
    fireEvent.click(await screen.findByTestId('action-remix'))
    await waitFor(() => expect(screen.queryByTestId('image-background')).toBeNull())
    expect(screen.queryByTestId('image-format')).toBeNull()
    expect(screen.getByTestId('image-n')).toHaveProperty('disabled', true)
    expect((screen.getByTestId('image-model') as HTMLInputElement).value).toBe('dall-e-3')
    expect((screen.getByTestId('image-size') as HTMLInputElement).value).toBe('1024×1792')
    expect((screen.getByTestId('image-quality') as HTMLInputElement).value).toBe('HD')
    await waitFor(() => expect(screen.getByTestId('gallery-generate')).toHaveProperty('disabled', false))
    fireEvent.click(screen.getByTestId('gallery-generate'))
    await waitFor(() =>
      expect(fake.calls.find((c) => c.route === 'gallery.generate')?.input).toEqual({
        prompt: 'a lighthouse at dusk',
        model: 'dall-e-3',
        size: '1024x1792',
        quality: 'hd',
        n: 1
      })
    )
    // A partial image shows while it draws.
    expect(await screen.findByTestId('run-card')).toBeTruthy()
    fake.emit('gallery.partial', { runId: 'r9', index: 0, dataUrl: 'data:image/jpeg;base64,AAAA' })
    expect((await screen.findByTestId('run-preview')).getAttribute('src')).toBe('data:image/jpeg;base64,AAAA')
  })

  it('shows an image’s parameters and lineage, remixes it into the prompt bar, and moves by keyboard', async () => {
    const fake = api({ 'library.delete': () => ({ deleted: 1 }) })
    page('/gallery/a3')
    const detail = await screen.findByTestId('gallery-detail')
    expect(within(detail).getByTestId('detail-prompt').textContent).toBe('make it night')
    expect(within(within(detail).getByTestId('detail-params')).getByText('Edit')).toBeTruthy()
    const parents = await within(detail).findByTestId('lineage-parents')
    expect(within(parents).getByTestId('lineage-thumb').getAttribute('data-asset-id')).toBe('a1')
    // The parent's own page lists this edit as its child.
    fireEvent.click(within(parents).getByTestId('lineage-thumb'))
    const children = await screen.findByTestId('lineage-children')
    expect(within(children).getByTestId('lineage-thumb').getAttribute('data-asset-id')).toBe('a3')

    fireEvent.click(screen.getByTestId('action-remix'))
    expect((screen.getByTestId('gallery-prompt') as HTMLTextAreaElement).value).toBe('a red fox')
    expect((screen.getByTestId('image-n') as HTMLInputElement).value).toBe('2')
    expect((screen.getByTestId('image-background') as HTMLInputElement).value).toBe('Transparent')
    expect((screen.getByTestId('image-format') as HTMLInputElement).value).toBe('WEBP')

    const grid = screen.getByTestId('gallery-grid')
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    await waitFor(() =>
      expect(
        document.querySelector('[data-testid=gallery-item][data-selected]')?.getAttribute('data-asset-id')
      ).toBe('a2')
    )
    fireEvent.keyDown(grid, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('gallery-detail')).toBeNull())
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    await waitFor(() =>
      expect(
        document.querySelector('[data-testid=gallery-item][data-selected]')?.getAttribute('data-asset-id')
      ).toBe('a3')
    )
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    fireEvent.keyDown(grid, { key: 'ArrowRight' })
    await waitFor(() =>
      expect(
        document.querySelector('[data-testid=gallery-item][data-selected]')?.getAttribute('data-asset-id')
      ).toBe('a2')
    )
    fireEvent.keyDown(grid, { key: 'Delete' })
    fireEvent.click(await screen.findByTestId('confirm-delete'))
    await waitFor(() =>
      expect(fake.calls.find((c) => c.route === 'library.delete')?.input).toEqual({ ids: ['a2'] })
    )
  })

  it('says when a prompt was refused by the safety system, in the provider’s words', async () => {
    const fake = api({
      'gallery.generate': () => ({ runId: 'r9', jobId: 'j9' }),
      'gallery.run': () => ({ error: { code: 'AI_REFUSED', message: 'Rejected by the safety system.' } }),
      'jobs.list': () => [
        {
          id: 'j9',
          kind: 'gallery.image',
          state: 'failed',
          error: {
            code: 'AI_REFUSED',
            message: 'Fake OpenAI refused the prompt: Rejected by the safety system.'
          }
        }
      ]
    })
    page()
    fireEvent.change(await screen.findByTestId('gallery-prompt'), { target: { value: 'something' } })
    await waitFor(() => expect(screen.getByTestId('gallery-generate')).toHaveProperty('disabled', false))
    fireEvent.click(screen.getByTestId('gallery-generate'))
    const failed = await screen.findByTestId('run-failed')
    expect(failed.textContent).toContain('Refused by the provider’s safety system')
    expect(failed.textContent).toContain('Rejected by the safety system.')
    expect(fake.calls.some((c) => c.route === 'gallery.generate')).toBe(true)
  })

  it('says where to set up a provider when none can generate images', async () => {
    api({ 'providers.list': () => [{ id: 'p', hasKey: true, local: false, capabilities: { chat: true } }] })
    page()
    expect((await screen.findByTestId('gallery-no-provider')).textContent).toContain('Settings → Providers')
  })
})
