import type OpenAI from 'openai'
import type { Citation, MessagePart } from '@shared/domain/playground'

type Item = OpenAI.Responses.ResponseOutputItem
type Json = Record<string, unknown>

export interface ContainerFile {
  containerId: string
  fileId: string
  filename: string
}

export interface ReadOutput {
  /** In the order the model produced them; function calls are the loop's, images the gallery's. */
  parts: MessagePart[]
  containerFiles: ContainerFile[]
}

/** Turns a response's output items into message parts: reasoning, tool work, text and citations. */
export function readOutput(output: readonly Item[]): ReadOutput {
  const parts: MessagePart[] = []
  const containerFiles: ContainerFile[] = []
  const fileQuotes = new Map<string, string>()
  for (const item of output) {
    const raw = item as unknown as Json
    if (item.type === 'reasoning') {
      const summary = (item.summary ?? []).map((s) => s.text).join('\n\n')
      if (summary) parts.push({ type: 'reasoning', summary })
    } else if (item.type === 'message') {
      for (const content of item.content) {
        if (content.type === 'refusal') parts.push({ type: 'refusal', text: content.refusal })
        if (content.type !== 'output_text') continue
        parts.push({ type: 'text', text: content.text })
        for (const citation of citationsOf(content, fileQuotes)) {
          parts.push({ type: 'citation', citation })
          if (citation.kind === 'container_file')
            containerFiles.push(containerFile(content.annotations, citation))
        }
      }
    } else if (item.type === 'code_interpreter_call') {
      parts.push(codePart(raw))
    } else if (item.type === 'web_search_call' || item.type === 'file_search_call') {
      if (item.type === 'file_search_call') rememberQuotes(raw, fileQuotes)
      parts.push(toolActivity(raw))
    }
  }
  return { parts, containerFiles: dedupe(containerFiles) }
}

function citationsOf(content: OpenAI.Responses.ResponseOutputText, quotes: Map<string, string>): Citation[] {
  const text = content.text
  return content.annotations.flatMap((a): Citation[] => {
    if (a.type === 'url_citation')
      return [
        {
          kind: 'url',
          url: a.url,
          title: a.title,
          startIndex: a.start_index,
          endIndex: a.end_index,
          quote: text.slice(a.start_index, a.end_index)
        }
      ]
    if (a.type === 'file_citation')
      return [
        {
          kind: 'file',
          fileId: a.file_id,
          filename: a.filename,
          startIndex: a.index,
          endIndex: a.index,
          ...(quotes.has(a.file_id) ? { quote: quotes.get(a.file_id) } : {})
        }
      ]
    if (a.type === 'container_file_citation')
      return [
        {
          kind: 'container_file',
          fileId: a.file_id,
          filename: a.filename,
          startIndex: a.start_index,
          endIndex: a.end_index,
          quote: text.slice(a.start_index, a.end_index)
        }
      ]
    return []
  })
}

function containerFile(
  annotations: OpenAI.Responses.ResponseOutputText['annotations'],
  citation: Citation
): ContainerFile {
  const found = annotations.find(
    (a) => a.type === 'container_file_citation' && a.file_id === citation.fileId
  ) as OpenAI.Responses.ResponseOutputText.ContainerFileCitation
  return { containerId: found.container_id, fileId: found.file_id, filename: found.filename }
}

function codePart(raw: Json): MessagePart {
  const outputs = Array.isArray(raw.outputs) ? (raw.outputs as Json[]) : []
  const logs = outputs
    .filter((o) => o.type === 'logs')
    .map((o) => String(o.logs ?? ''))
    .join('\n')
  return {
    type: 'code',
    code: String(raw.code ?? ''),
    logs,
    containerId: typeof raw.container_id === 'string' ? raw.container_id : null
  }
}

/** A search the model ran, with what it did (queries, pages opened) as plain lines. */
function toolActivity(raw: Json): MessagePart {
  const actions: string[] = []
  const action = raw.action as Json | undefined
  if (action?.type === 'search' && action.query) actions.push(`search: ${String(action.query)}`)
  if (action?.type === 'open_page' && action.url) actions.push(`open: ${String(action.url)}`)
  if (action?.type === 'find_in_page' || action?.type === 'find')
    actions.push(`find “${String(action.pattern ?? '')}” in ${String(action.url ?? '')}`)
  if (Array.isArray(raw.queries)) actions.push(...(raw.queries as string[]).map((q) => `search: ${q}`))
  return {
    type: 'tool_call',
    kind: String(raw.type),
    callId: String(raw.id ?? ''),
    status: raw.status === 'failed' ? 'failed' : 'completed',
    actions
  }
}

/** file_search results (when included) hold the text the answer drew on: the quote of a citation. */
function rememberQuotes(raw: Json, quotes: Map<string, string>): void {
  const results = Array.isArray(raw.results) ? (raw.results as Json[]) : []
  for (const result of results) {
    const id = String(result.file_id ?? '')
    if (id && !quotes.has(id) && typeof result.text === 'string') quotes.set(id, result.text.slice(0, 400))
  }
}

function dedupe(files: ContainerFile[]): ContainerFile[] {
  const seen = new Set<string>()
  return files.filter((f) => !seen.has(f.fileId) && seen.add(f.fileId))
}
