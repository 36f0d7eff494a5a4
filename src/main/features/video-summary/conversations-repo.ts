import { randomUUID } from 'node:crypto'
import type { ChatTurn } from '@shared/domain/video'
import type { Db } from '../../store/database'

export interface Conversation {
  id: string
  assetId: string
  analysisId: string | null
  providerId: string | null
  model: string
  lastResponseId: string | null
}

export class ConversationsRepo {
  constructor(private readonly db: Db) {}

  forAsset(assetId: string): Conversation | null {
    const row = this.db
      .prepare(
        `SELECT id, asset_id AS assetId, analysis_id AS analysisId, provider_id AS providerId, model, last_response_id AS lastResponseId
                FROM conversations WHERE asset_id = ? ORDER BY created_at DESC LIMIT 1`
      )
      .get(assetId) as Conversation | undefined
    return row ?? null
  }

  create(c: Omit<Conversation, 'id' | 'lastResponseId'>): Conversation {
    const id = randomUUID()
    this.db
      .prepare(
        'INSERT INTO conversations (id, asset_id, analysis_id, provider_id, model, created_at) VALUES (?, ?, ?, ?, ?, ?)'
      )
      .run(id, c.assetId, c.analysisId, c.providerId, c.model, new Date().toISOString())
    return { ...c, id, lastResponseId: null }
  }

  turns(conversationId: string): ChatTurn[] {
    return this.db
      .prepare(
        'SELECT role, content, cost_usd AS costUsd, created_at AS createdAt FROM messages WHERE conversation_id = ? ORDER BY id'
      )
      .all(conversationId) as ChatTurn[]
  }

  addTurns(
    conversationId: string,
    turns: Omit<ChatTurn, 'createdAt'>[],
    lastResponseId: string | null
  ): void {
    const insert = this.db.prepare(
      'INSERT INTO messages (conversation_id, role, content, cost_usd, created_at) VALUES (?, ?, ?, ?, ?)'
    )
    this.db.transaction(() => {
      for (const turn of turns)
        insert.run(conversationId, turn.role, turn.content, turn.costUsd, new Date().toISOString())
      if (lastResponseId)
        this.db
          .prepare('UPDATE conversations SET last_response_id = ? WHERE id = ?')
          .run(lastResponseId, conversationId)
    })()
  }

  clear(assetId: string): void {
    this.db.prepare('DELETE FROM conversations WHERE asset_id = ?').run(assetId)
  }
}
