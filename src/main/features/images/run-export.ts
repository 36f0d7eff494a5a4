import type { ExtractRow, RunExportFormat, RunView } from '@shared/domain/extract'
import type { ExportedFile } from '@shared/domain/video'
import { schemaColumns } from '@shared/extractor-schema'
import { valueText } from '@shared/field-text'

/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF'

/** A run's rows as CSV (for spreadsheets), JSON or JSONL, with the user's edits applied. */
export function exportRun(run: RunView, format: RunExportFormat): ExportedFile {
  const base = `${safeName(run.extractorName)}-${run.createdAt.slice(0, 10)}`
  if (format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv', content: toCsv(run) }
  const records = run.rows.map(record)
  if (format === 'json')
    return {
      filename: `${base}.json`,
      mime: 'application/json',
      content: `${JSON.stringify(records, null, 2)}\n`
    }
  return {
    filename: `${base}.jsonl`,
    mime: 'application/x-ndjson',
    content: records.map((r) => JSON.stringify(r)).join('\n') + '\n'
  }
}

function record(row: ExtractRow) {
  return {
    file: row.file,
    assetId: row.assetId,
    status: row.status,
    fields: row.fields,
    edited: row.edited,
    error: row.error,
    ...(row.status === 'refused' ? { refusal: row.raw } : {})
  }
}

/**
 * One column per field; an object field becomes one column per key ("total.amount"); lists are
 * joined with "; " (a list of objects as "key: value" pairs), so every cell is one readable value.
 */
function toCsv(run: RunView): string {
  const columns = csvColumns(run)
  const header = ['file', 'status', ...columns.map((c) => c.label), 'error']
  const lines = run.rows.map((row) => [
    row.file,
    row.status,
    ...columns.map((c) => valueText(c.read(row.fields ?? {}))),
    row.error?.message ?? (row.status === 'refused' ? (row.raw ?? '') : '')
  ])
  return BOM + [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

interface Column {
  label: string
  read(fields: Record<string, unknown>): unknown
}

function csvColumns(run: RunView): Column[] {
  const properties = (run.schema.properties ?? {}) as Record<string, { type?: unknown; properties?: object }>
  return schemaColumns(run.schema).flatMap((name): Column[] => {
    const nested = properties[name]
    const isObject = [nested?.type].flat().includes('object') && nested?.properties
    if (!isObject) return [{ label: name, read: (f) => f[name] }]
    return Object.keys(nested.properties as object).map((key) => ({
      label: `${name}.${key}`,
      read: (f) => (f[name] as Record<string, unknown> | null)?.[key]
    }))
  })
}

/** Quotes when needed (RFC 4180), and defuses cells a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  // Only a plain number may start with '-': "-1+cmd|' /C calc'!A0" starts with a digit too.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'run'
}
