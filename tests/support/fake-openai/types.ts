export type Fault =
  | {
      kind: 'rate_limit'
      retryAfterS?: number
      retryAfterMs?: number
      resetRequests?: string
      resetTokens?: string
    }
  | { kind: 'insufficient_quota' }
  | { kind: 'server_error'; status?: 500 | 502 | 503 }
  | { kind: 'unauthorized' }
  | { kind: 'context_length_exceeded' }
  | { kind: 'unsupported_parameter'; param: string }
  | { kind: 'malformed_json' }
  /** Waits before sending anything (headers included). */
  | { kind: 'slow_first_byte'; delayMs: number }
  /** Sends this many stream events (or half a JSON body) and then drops the connection. */
  | { kind: 'cut_stream'; afterEvents: number }
  /** Streams every event, waiting this long between them (to watch an answer arrive). */
  | { kind: 'slow_stream'; delayMs: number }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Sends the stream's first events, then goes silent without closing. */
  | { kind: 'stall_stream'; afterEvents: number }
  /** A 400 whose message repeats the request's Authorization header and the bare key (a careless gateway). */
  | { kind: 'echo_authorization' }
  /** A 400 from the image models' safety system (code moderation_blocked). */
  | { kind: 'moderation_blocked' }

/** What the "model" says, put into a genuine recorded response envelope. */
export interface Reply {
  text?: string
  json?: unknown
  refusal?: string
  toolCalls?: { name: string; arguments: string }[]
  usage?: { input?: number; output?: number; cached?: number; reasoning?: number }
  /** Transcription segments (verbose_json). */
  segments?: { start: number; end: number; text: string }[]
  language?: string
  /** Lines read out every `lineEveryS` s (default 4) over the uploaded audio's real length. */
  lines?: string[]
  lineEveryS?: number
  /** Speaker labels diarized answers cycle through (default A, B). */
  speakers?: string[]
}

export interface Match {
  /** Path after /v1 (e.g. "/chat/completions"); a RegExp matches any part of it. */
  path?: string | RegExp
  times?: number
  /** Let this many matching requests through first (e.g. fail only the third call). */
  after?: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
  /** Multipart form fields (files as {filename, size, type}). */
  form?: Record<string, unknown>
  at: number
}
