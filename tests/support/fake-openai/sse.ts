import type { ServerResponse } from 'node:http'

export interface SseFrame {
  event?: string
  data: string
}

export interface StreamControl {
  /** Drop the connection after this many frames. */
  cutAfter?: number
  /** Go silent (connection open) after this many frames. */
  stallAfter?: number
  delayMs?: number
}

/** Writes frames as the API does: `event:` (responses only) and `data:` lines, blank line between. */
export async function writeSse(
  res: ServerResponse,
  frames: SseFrame[],
  control: StreamControl = {}
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
  for (const [index, frame] of frames.entries()) {
    if (control.cutAfter !== undefined && index >= control.cutAfter) {
      // Let what was written reach the client first, so the cut lands mid-stream.
      await new Promise((resolve) => setTimeout(resolve, 50))
      res.socket?.destroy()
      return
    }
    if (control.stallAfter !== undefined && index >= control.stallAfter) return
    res.write(`${frame.event ? `event: ${frame.event}\n` : ''}data: ${frame.data}\n\n`)
    if (control.delayMs) await new Promise((resolve) => setTimeout(resolve, control.delayMs))
  }
  res.end()
}

/** Splits text into small deltas the way models stream it. */
export function chunkText(text: string, size = 12): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out.length > 0 ? out : ['']
}
