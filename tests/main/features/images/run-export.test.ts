import { describe, expect, it } from 'vitest'
import { exportRun } from '../../../../src/main/features/images/run-export'
import type { ExtractRow, RunView } from '../../../../src/shared/domain/extract'

const NO_USAGE = { inputTokens: 0, cachedTokens: 0, outputTokens: 0 }

function row(file: string, fields: Record<string, unknown>): ExtractRow {
  return {
    assetId: file,
    file,
    path: `${file}.jpg`,
    thumbPath: null,
    status: 'ok',
    fields,
    original: fields,
    edited: [],
    error: null,
    raw: null,
    usage: NO_USAGE,
    costUsd: 0,
    cached: false
  } as ExtractRow
}

function runOf(rows: ExtractRow[]): RunView {
  return {
    id: 'r1',
    extractorId: null,
    extractorName: 'Receipt',
    model: 'gpt-4o-mini',
    detail: 'high',
    mode: 'direct',
    status: 'complete',
    jobId: null,
    batchId: null,
    counts: { total: rows.length, ok: rows.length, failed: 0, refused: 0, pending: 0 },
    costUsd: 0,
    createdAt: '2026-12-03T00:00:00.000Z',
    finishedAt: null,
    instructions: '',
    schema: {
      type: 'object',
      properties: { merchant: { type: 'string' }, total: { type: 'number' }, note: { type: 'string' } },
      required: ['merchant', 'total', 'note'],
      additionalProperties: false
    },
    rows,
    usage: NO_USAGE
  }
}

const cellsOf = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))

describe('a run exported as CSV', () => {
  it('defuses cells a spreadsheet would run as a formula, and leaves plain negative numbers alone', () => {
    const csv = exportRun(
      runOf([
        row('a', { merchant: '=HYPERLINK("http://x")', total: -12.5, note: "-1+cmd|' /C calc'!A0" }),
        row('b', { merchant: '@SUM(A1)', total: -3, note: '+1' }),
        row('c', { merchant: 'Café', total: 4, note: '-' })
      ]),
      'csv'
    ).content
    const [, a, b, c] = cellsOf(csv)
    expect(a?.[2]).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(a?.[3]).toBe('-12.5')
    expect(a?.[4]).toBe(`'-1+cmd|' /C calc'!A0`)
    expect(b?.slice(2, 5)).toEqual(["'@SUM(A1)", '-3', "'+1"])
    expect(c?.slice(2, 5)).toEqual(['Café', '4', "'-"])
  })
})
