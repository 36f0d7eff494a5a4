import { randomUUID } from 'node:crypto'
import type { ConversationSummary, Message, TurnSettings } from '@shared/domain/playground'
import { TurnSettings as Settings } from '@shared/domain/playground'
import { AppError } from '@shared/errors'
import type { Db } from '../../store/database'
import {
  draftColumns,
  toMessage,
  toSummary,
  type ConversationRow,
  type MessageDraft,
  type MessageRow
} from './message-row'
import { searchConversations } from './conversation-search'

const SUMMARY_SELECT = `SELECT c.*, (SELECT count(*) FROM playground_messages m WHERE m.conversation_id = c.id) AS message_count
  FROM playground_conversations c`

/** Conversations and their messages in SQLite; every multi-row write in one transaction. */
export class ConversationsRepo {
  constructor(private readonly db: Db) {}

  create(title: string, settings: TurnSettings): ConversationSummary {
    const id = randomUUID()
    const now = new Date().toISOString()
    this.db
      .prepare(
        'INSERT INTO playground_conversations (id, title, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
      )
      .run(id, title, JSON.stringify(settings), now, now)
    return this.summary(id)
  }

  summary(id: string): ConversationSummary {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE c.id = ?`).get(id) as ConversationRow | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no conversation ${id}.`)
    return toSummary(row)
  }

  settings(id: string): TurnSettings {
    const row = this.db.prepare('SELECT settings_json FROM playground_conversations WHERE id = ?').get(id) as
      { settings_json: string } | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no conversation ${id}.`)
    return Settings.parse(JSON.parse(row.settings_json))
  }

  list(limit: number, search?: string): ConversationSummary[] {
    if (search?.trim()) return searchConversations(this.db, search, limit).map(toSummary)
    const rows = this.db
      .prepare(`${SUMMARY_SELECT} ORDER BY c.pinned DESC, c.updated_at DESC, c.rowid DESC LIMIT ?`)
      .all(limit) as ConversationRow[]
    return rows.map(toSummary)
  }

  rename(id: string, title: string): ConversationSummary {
    this.requireChange(
      this.db.prepare('UPDATE playground_conversations SET title = ? WHERE id = ?').run(title, id).changes,
      id
    )
    return this.summary(id)
  }

  pin(id: string, pinned: boolean): ConversationSummary {
    const changes = this.db
      .prepare('UPDATE playground_conversations SET pinned = ? WHERE id = ?')
      .run(pinned ? 1 : 0, id).changes
    this.requireChange(changes, id)
    return this.summary(id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM playground_conversations WHERE id = ?').run(id).changes > 0
  }

  /** Remembers the settings of the latest turn and moves the conversation to the top. */
  touch(id: string, settings?: TurnSettings): void {
    const now = new Date().toISOString()
    if (settings)
      this.db
        .prepare('UPDATE playground_conversations SET settings_json = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(settings), now, id)
    else this.db.prepare('UPDATE playground_conversations SET updated_at = ? WHERE id = ?').run(now, id)
  }

  messages(conversationId: string): Message[] {
    const rows = this.db
      .prepare('SELECT * FROM playground_messages WHERE conversation_id = ? ORDER BY seq')
      .all(conversationId) as MessageRow[]
    return rows.map(toMessage)
  }

  message(id: string): Message {
    const row = this.db.prepare('SELECT * FROM playground_messages WHERE id = ?').get(id) as
      MessageRow | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no message ${id}.`)
    return toMessage(row)
  }

  /** The body the message's answer was requested with (null for user messages). */
  requestBody(id: string): unknown {
    const row = this.db.prepare('SELECT request_json FROM playground_messages WHERE id = ?').get(id) as
      { request_json: string | null } | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no message ${id}.`)
    return row.request_json ? (JSON.parse(row.request_json) as unknown) : null
  }

  add(conversationId: string, draft: MessageDraft): Message {
    const id = randomUUID()
    const cols = draftColumns(draft)
    this.db.transaction(() => {
      const seq = this.db
        .prepare(
          'SELECT coalesce(max(seq), 0) + 1 AS next FROM playground_messages WHERE conversation_id = ?'
        )
        .get(conversationId) as { next: number }
      this.db
        .prepare(
          `INSERT INTO playground_messages (id, conversation_id, seq, created_at, ${Object.keys(cols).join(', ')})
           VALUES (@id, @conversationId, @seq, @createdAt, ${Object.keys(cols)
             .map((k) => `@${k}`)
             .join(', ')})`
        )
        .run({ id, conversationId, seq: seq.next, createdAt: new Date().toISOString(), ...cols })
    })()
    return this.message(id)
  }

  /** Rewrites a message in place (a stream that finished, failed or was stopped). */
  update(id: string, draft: MessageDraft): Message {
    const { request_json, ...rest } = draftColumns(draft)
    // A rewrite that does not carry the request body keeps the one stored.
    const cols = draft.request === undefined ? rest : { ...rest, request_json }
    this.db
      .prepare(
        `UPDATE playground_messages SET ${Object.keys(cols)
          .map((k) => `${k} = @${k}`)
          .join(', ')} WHERE id = @id`
      )
      .run({ id, ...cols })
    return this.message(id)
  }

  /** Edit and resend, regenerate: this message and every later one go. */
  deleteFrom(conversationId: string, messageId: string): void {
    const from = this.message(messageId)
    if (from.conversationId !== conversationId)
      throw new AppError('VALIDATION_FAILED', 'That message belongs to another conversation.')
    this.db
      .prepare('DELETE FROM playground_messages WHERE conversation_id = ? AND seq >= ?')
      .run(conversationId, from.seq)
  }

  /** The winner of a comparison stays (no longer a candidate); the other columns' answers go. */
  keepCandidate(message: Message): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'DELETE FROM playground_messages WHERE conversation_id = ? AND candidate IS NOT NULL AND id <> ?'
        )
        .run(message.conversationId, message.id)
      this.db.prepare('UPDATE playground_messages SET candidate = NULL WHERE id = ?').run(message.id)
    })()
  }

  private requireChange(changes: number, id: string): void {
    if (changes === 0) throw new AppError('NOT_FOUND', `There is no conversation ${id}.`)
  }
}
