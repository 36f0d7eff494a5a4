import type { Citation, MessagePart } from '@shared/domain/playground'
import { mediaUrl } from '../../api/media-url'

type Part = MessagePart

/** Each text part with the url citations that follow it (their indexes are into that text). */
export function citedText(parts: readonly Part[], index: number, numbers: Map<Citation, number>): string {
  const part = parts[index]
  if (part?.type !== 'text') return ''
  const marks: { at: number; mark: string }[] = []
  for (let i = index + 1; i < parts.length; i += 1) {
    const next = parts[i]
    if (next?.type !== 'citation') break
    const c = next.citation
    if (c.kind === 'url' && c.url) marks.push({ at: c.endIndex, mark: ` [[${numbers.get(c)}]](${c.url})` })
  }
  let text = part.text
  for (const { at, mark } of marks.sort((a, b) => b.at - a.at))
    text = text.slice(0, at) + mark + text.slice(at)
  return text
}

/**
 * The code interpreter links its files as sandbox:/mnt/data/<name>; Framewise downloaded them, so
 * those links point at the stored copies instead (a link to the sandbox leads nowhere).
 */
export function localFileLinks(text: string, parts: readonly Part[]): string {
  const files = new Map(
    parts.flatMap((p) => (p.type === 'file_output' ? [[p.filename, p.path] as const] : []))
  )
  return text.replace(/sandbox:\/mnt\/data\/([^\s)]+)/g, (whole, name: string) => {
    const path = files.get(decodeURIComponent(name))
    return path ? (mediaUrl(path) ?? whole) : whole
  })
}

/** Consecutive built-in tool calls of one kind (six searches in a row) read as one card. */
export function mergeToolRuns(parts: readonly Part[]): Part[] {
  const out: Part[] = []
  for (const part of parts) {
    const last = out.at(-1)
    if (
      part.type === 'tool_call' &&
      part.kind !== 'function' &&
      last?.type === 'tool_call' &&
      last.kind === part.kind
    ) {
      out[out.length - 1] = { ...last, actions: [...(last.actions ?? []), ...(part.actions ?? [])] }
    } else out.push(part)
  }
  return out
}

/** A source cited several times is listed once; every citation of it carries its number. */
export function numberSources(citations: readonly Citation[]): {
  sources: Citation[]
  numbers: Map<Citation, number>
} {
  const byKey = new Map<string, number>()
  const sources: Citation[] = []
  const numbers = new Map<Citation, number>()
  for (const c of citations) {
    const key = c.url ?? c.fileId ?? c.filename ?? ''
    if (!byKey.has(key)) {
      sources.push(c)
      byKey.set(key, sources.length)
    }
    numbers.set(c, byKey.get(key) as number)
  }
  return { sources, numbers }
}
