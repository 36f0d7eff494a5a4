import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExtractRow, RunView } from '../../../../src/shared/domain/extract'
import { ExtractorEditor } from '../../../../src/renderer/src/features/images/ExtractorEditor'
import { RunResults } from '../../../../src/renderer/src/features/images/RunResults'
import { fakeApi, renderUi } from '../../render'

const usage = { inputTokens: 900, cachedTokens: 0, outputTokens: 40 }
const row = (over: Partial<ExtractRow>): ExtractRow => ({
  assetId: 'a1',
  file: 'receipt-1.jpg',
  path: null,
  thumbPath: null,
  status: 'ok',
  fields: { merchant: 'Blue Bottle', total: 12.5 },
  original: { merchant: 'Blue Bottle', total: 12.5 },
  edited: [],
  error: null,
  raw: null,
  usage,
  costUsd: 0.0002,
  cached: false,
  ...over
})

const VIEW: RunView = {
  id: 'run-1',
  extractorId: 'builtin:receipt',
  extractorName: 'Receipt',
  model: 'gpt-4o-mini',
  detail: 'high',
  mode: 'direct',
  status: 'complete',
  jobId: 'j',
  batchId: null,
  counts: { total: 3, ok: 2, failed: 1, refused: 0, pending: 0 },
  costUsd: 0.0004,
  createdAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:05.000Z',
  instructions: 'Read the receipt.',
  schema: { type: 'object', properties: { merchant: { type: 'string' }, total: { type: 'number' } } },
  usage,
  rows: [
    row({}),
    row({
      assetId: 'a2',
      file: 'receipt-2.jpg',
      fields: { merchant: 'Café Étoile', total: 3 },
      edited: ['merchant']
    }),
    row({
      assetId: 'a3',
      file: 'bad.jpg',
      status: 'failed',
      fields: null,
      original: null,
      error: { code: 'MEDIA_CORRUPT', message: 'The image is damaged.' }
    })
  ]
}

describe('a run on the Images page', () => {
  // jsdom lays nothing out: give the grid's scroller a size so the virtualizer draws rows.
  afterEach(() => vi.restoreAllMocks())
  it('shows its rows with the template named in words, filters them, and lists the failure with its code', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(520)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(960)
    const api = fakeApi({
      'images.run.view': () => VIEW,
      'images.run.retry': () => ({ runId: 'run-1', jobId: 'j2' })
    })
    renderUi(<RunResults runId="run-1" />, '/images/run-1')
    await screen.findByText('Café Étoile')
    expect(screen.getByText('Receipt')).toBeTruthy()
    expect(screen.getByTestId('run-facts').textContent).toContain('2/3 rows')
    expect(screen.getByTestId('failures').textContent).toContain('bad.jpg')
    expect(screen.getByTestId('failures').textContent).toContain('The image is damaged.')

    fireEvent.change(screen.getByTestId('rows-filter'), { target: { value: 'étoile' } })
    await waitFor(() => expect(screen.queryByText('Blue Bottle')).toBeNull())
    expect(screen.getByText('Café Étoile')).toBeTruthy()

    fireEvent.click(screen.getByTestId('retry-failed'))
    await waitFor(() => expect(api.calls.some((c) => c.route === 'images.run.retry')).toBe(true))
  })
})

describe('the extractor editor', () => {
  it('shows what strict mode refuses as you type and keeps Save off until the schema is fine', async () => {
    let issues = [{ path: '#/properties/a', message: 'must be listed in "required"' }]
    fakeApi({ 'images.schema.lint': () => issues })
    renderUi(<ExtractorEditor base={null} onClose={() => undefined} onSaved={() => undefined} />, '/images')
    fireEvent.change(screen.getByTestId('extractor-name'), { target: { value: 'Plants' } })
    fireEvent.change(screen.getByTestId('extractor-instructions'), { target: { value: 'Read the label.' } })
    fireEvent.change(screen.getByLabelText('Field', { exact: true }), { target: { value: 'species' } })
    expect(await screen.findByTestId('schema-issues', {}, { timeout: 3000 })).toBeTruthy()
    expect((screen.getByTestId('extractor-save') as HTMLButtonElement).disabled).toBe(true)
    issues = []
    fireEvent.change(screen.getByLabelText('Field', { exact: true }), { target: { value: 'species_name' } })
    await waitFor(() => expect(screen.queryByTestId('schema-issues')).toBeNull(), { timeout: 3000 })
    expect((screen.getByTestId('extractor-save') as HTMLButtonElement).disabled).toBe(false)
  })
})
