import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ExtractRow } from '../../../../src/shared/domain/extract'
import { RowDetail } from '../../../../src/renderer/src/features/images/RowDetail'
import { fakeApi, renderUi } from '../../render'

const SCHEMA = {
  type: 'object',
  properties: {
    merchant: { type: 'string' },
    date: { type: ['string', 'null'] },
    total: { type: 'number' },
    paid: { type: 'boolean' }
  }
}
const FIELDS = { merchant: 'Blue Bottle', date: null, total: 12.5, paid: true }

const ROW: ExtractRow = {
  assetId: 'a1',
  file: 'receipt-1.jpg',
  path: null,
  thumbPath: null,
  status: 'ok',
  fields: FIELDS,
  original: FIELDS,
  edited: [],
  error: null,
  raw: null,
  usage: { inputTokens: 1, cachedTokens: 0, outputTokens: 1 },
  costUsd: 0,
  cached: false
}

const open = () =>
  renderUi(
    <RowDetail runId="run-1" row={ROW} schema={SCHEMA} imagePath={null} onClose={() => undefined} />,
    '/images/run-1'
  )

describe('a row opened beside its photo', () => {
  it('gives each field the input its schema declares, even when the model answered null', async () => {
    const api = fakeApi({ 'images.run.edit': () => ({}) })
    open()
    const date = (await screen.findByTestId('field-date')) as HTMLInputElement
    // A nullable string left empty by the model is typed as text, not as a number.
    fireEvent.change(date, { target: { value: '2024-03-09' } })
    expect(date.value).toBe('2024-03-09')
    fireEvent.click(screen.getByTestId('save-row'))
    await waitFor(() => expect(api.calls.some((c) => c.route === 'images.run.edit')).toBe(true))
    const sent = api.calls.find((c) => c.route === 'images.run.edit')?.input as { edits: object }
    expect(sent.edits).toEqual({ date: '2024-03-09' })
  })

  it('keeps Save off while a required number is empty, instead of reverting it', async () => {
    fakeApi({})
    open()
    const total = (await screen.findByTestId('field-total')) as HTMLInputElement
    fireEvent.change(total, { target: { value: '' } })
    await screen.findByText('A number is needed here')
    expect((screen.getByTestId('save-row') as HTMLButtonElement).disabled).toBe(true)
  })
})
