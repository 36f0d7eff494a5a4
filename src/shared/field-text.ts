/** Every value of a row's fields as plain text lines, for the library search and CSV cells. */
export function fieldText(fields: Record<string, unknown>): string {
  return Object.values(fields)
    .map(valueText)
    .filter((line) => line.length > 0)
    .join('\n')
}

/** One value flattened: lists joined with "; ", objects as "key: value" pairs. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join('; ')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join(', ')
  return String(value)
}
