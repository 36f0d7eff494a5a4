import type { VoiceSessionView, VoiceSettings, VoiceTurn, VoiceUsage } from '@shared/domain/voice'
import { VoiceSettings as VoiceSettingsSchema } from '@shared/domain/voice'
import type { Db } from '../../store/database'

export interface NewSession {
  id: string
  providerId: string | null
  model: string
  voice: string
  settings: VoiceSettings
  startedAt: string
}

export type NewTurn = Omit<VoiceTurn, 'seq'>

interface SessionRow {
  id: string
  title: string
  provider_id: string | null
  model: string
  voice: string
  settings_json: string
  status: 'open' | 'ended' | 'failed'
  input_tokens: number
  output_tokens: number
  cached_tokens: number
  audio_input_tokens: number
  audio_output_tokens: number
  cost_usd: number
  error_json: string | null
  started_at: string
  ended_at: string | null
  turns: number
}

interface TurnRow {
  seq: number
  role: VoiceTurn['role']
  item_id: string | null
  text: string
  tool_json: string | null
  audio_path: string | null
  latency_ms: number | null
  interrupted: number
  cost_usd: number
  created_at: string
}

export const SESSION_COLUMNS = `s.*, (SELECT COUNT(*) FROM voice_turns t WHERE t.session_id = s.id) AS turns`
const TITLE_CHARS = 80

/** Voice sessions and their turns (migration 15). */
export class VoiceRepo {
  constructor(private readonly db: Db) {}

  createSession(session: NewSession): void {
    this.db
      .prepare(
        `INSERT INTO voice_sessions (id, provider_id, model, voice, settings_json, status, started_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?)`
      )
      .run(
        session.id,
        session.providerId,
        session.model,
        session.voice,
        JSON.stringify(session.settings),
        session.startedAt
      )
  }

  /** Appends a turn and returns its number; the first words said become the session's title. */
  addTurn(sessionId: string, turn: NewTurn): number {
    return this.db.transaction(() => {
      const { next } = this.db
        .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM voice_turns WHERE session_id = ?')
        .get(sessionId) as { next: number }
      this.db
        .prepare(
          `INSERT INTO voice_turns (session_id, seq, role, item_id, text, tool_json, audio_path, latency_ms,
             interrupted, cost_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          sessionId,
          next,
          turn.role,
          turn.itemId,
          turn.text,
          turn.tool ? JSON.stringify(turn.tool) : null,
          turn.audioPath,
          turn.latencyMs,
          turn.interrupted ? 1 : 0,
          turn.costUsd,
          turn.createdAt
        )
      if (turn.role !== 'tool') this.titleFrom(sessionId, turn.text)
      return next
    })()
  }

  setTurnText(sessionId: string, itemId: string, text: string): void {
    this.db
      .prepare('UPDATE voice_turns SET text = ? WHERE session_id = ? AND item_id = ?')
      .run(text, sessionId, itemId)
    this.titleFrom(sessionId, text)
  }

  markInterrupted(sessionId: string, itemId: string): void {
    this.db
      .prepare('UPDATE voice_turns SET interrupted = 1 WHERE session_id = ? AND item_id = ?')
      .run(sessionId, itemId)
  }

  addUsage(sessionId: string, usage: VoiceUsage, costUsd: number): void {
    this.db
      .prepare(
        `UPDATE voice_sessions SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,
           cached_tokens = cached_tokens + ?, audio_input_tokens = audio_input_tokens + ?,
           audio_output_tokens = audio_output_tokens + ?, cost_usd = cost_usd + ? WHERE id = ?`
      )
      .run(
        usage.inputTokens,
        usage.outputTokens,
        usage.cachedTokens,
        usage.audioInputTokens,
        usage.audioOutputTokens,
        costUsd,
        sessionId
      )
  }

  finish(
    sessionId: string,
    status: 'ended' | 'failed',
    endedAt: string,
    error: { code: string; message: string } | null
  ): void {
    this.db
      .prepare(
        `UPDATE voice_sessions SET status = ?, ended_at = ?, error_json = COALESCE(?, error_json) WHERE id = ?`
      )
      .run(status, endedAt, error ? JSON.stringify(error) : null, sessionId)
  }

  setError(sessionId: string, error: { code: string; message: string }): void {
    this.db
      .prepare('UPDATE voice_sessions SET error_json = ? WHERE id = ?')
      .run(JSON.stringify(error), sessionId)
  }

  get(sessionId: string): VoiceSessionView | null {
    const row = this.db
      .prepare(`SELECT ${SESSION_COLUMNS} FROM voice_sessions s WHERE s.id = ?`)
      .get(sessionId) as SessionRow | undefined
    if (!row) return null
    const turns = this.db
      .prepare('SELECT * FROM voice_turns WHERE session_id = ? ORDER BY seq')
      .all(sessionId) as TurnRow[]
    return {
      ...toSummary(row, null),
      settings: VoiceSettingsSchema.parse(JSON.parse(row.settings_json)),
      turnList: turns.map(toTurn),
      error: row.error_json ? (JSON.parse(row.error_json) as { code: string; message: string }) : null
    }
  }

  delete(sessionId: string): boolean {
    return this.db.prepare('DELETE FROM voice_sessions WHERE id = ?').run(sessionId).changes > 0
  }

  private titleFrom(sessionId: string, text: string): void {
    const title = text.trim().replace(/\s+/g, ' ').slice(0, TITLE_CHARS)
    if (title)
      this.db.prepare(`UPDATE voice_sessions SET title = ? WHERE id = ? AND title = ''`).run(title, sessionId)
  }
}

export function toSummary(row: SessionRow, snippet: string | null) {
  return {
    id: row.id,
    title: row.title,
    model: row.model,
    voice: row.voice,
    providerId: row.provider_id,
    status: row.status,
    turns: row.turns,
    usage: {
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cachedTokens: row.cached_tokens,
      audioInputTokens: row.audio_input_tokens,
      audioOutputTokens: row.audio_output_tokens
    },
    costUsd: row.cost_usd,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    snippet
  }
}

export type { SessionRow }

function toTurn(row: TurnRow): VoiceTurn {
  return {
    seq: row.seq,
    role: row.role,
    itemId: row.item_id,
    text: row.text,
    tool: row.tool_json ? (JSON.parse(row.tool_json) as VoiceTurn['tool']) : null,
    audioPath: row.audio_path,
    latencyMs: row.latency_ms,
    interrupted: row.interrupted === 1,
    costUsd: row.cost_usd,
    createdAt: row.created_at
  }
}
