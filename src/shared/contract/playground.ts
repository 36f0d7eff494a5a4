import { z } from 'zod'
import {
  CodeLanguage,
  Conversation,
  ConversationSummary,
  ImageInput,
  SendInput,
  TurnResult,
  TurnSettings,
  VectorStoreView
} from '../domain/playground'
import { route } from './define'

const ConversationRef = z.object({ id: z.string().min(1) })
const Done = z.object({ ok: z.boolean() })

export const playgroundRoutes = {
  /** Conversations newest first (pinned on top), or those whose messages or title match `search`. */
  'playground.conversations': route({
    input: z
      .object({
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .default({ limit: 100 }),
    output: z.array(ConversationSummary)
  }),
  'playground.conversation': route({ input: ConversationRef, output: Conversation }),
  'playground.rename': route({
    input: ConversationRef.extend({ title: z.string().trim().min(1).max(200) }),
    output: ConversationSummary
  }),
  'playground.pin': route({
    input: ConversationRef.extend({ pinned: z.boolean() }),
    output: ConversationSummary
  }),
  'playground.delete': route({ input: ConversationRef, output: Done }),
  /** A new conversation that continues this one from a summary (when it no longer fits the context). */
  'playground.condense': route({ input: ConversationRef, output: ConversationSummary }),
  'playground.export': route({
    input: ConversationRef.extend({ format: z.enum(['md', 'json']) }),
    output: z.object({ filename: z.string(), mime: z.string(), content: z.string() })
  }),
  /** Sends one turn (streaming as `playground.stream` events when a streamId is given). */
  'playground.send': route({ input: SendInput, output: TurnResult }),
  /** The same prompt to 2–4 columns at once; each answer waits as a candidate until one is picked. */
  'playground.compare': route({
    input: z.object({
      conversationId: z.string().min(1).optional(),
      prompt: z.string().min(1).max(200_000),
      images: z.array(ImageInput).max(16).default([]),
      columns: z.array(TurnSettings).min(2).max(4),
      streamIds: z.array(z.string().min(1).max(100)).max(4).default([])
    }),
    output: z.object({
      conversationId: z.string(),
      results: z.array(
        TurnResult.or(z.object({ error: z.object({ code: z.string(), message: z.string() }) }))
      )
    })
  }),
  /** Keeps one compared answer, drops the others, and continues with that column's settings. */
  'playground.pick': route({ input: z.object({ messageId: z.string().min(1) }), output: Conversation }),
  'playground.stop': route({ input: z.object({ streamId: z.string().min(1) }), output: Done }),
  /** The exact body a stored answer was requested with, as curl, TypeScript or Python (key redacted). */
  'playground.code': route({
    input: z.object({ messageId: z.string().min(1), language: CodeLanguage }),
    output: z.object({ code: z.string(), body: z.unknown() })
  }),
  'vectorstores.list': route({ input: z.object({}).default({}), output: z.array(VectorStoreView) }),
  'vectorstores.create': route({
    input: z.object({ name: z.string().trim().min(1).max(200), providerId: z.string().optional() }),
    output: VectorStoreView
  }),
  /** Uploads library assets or files on disk and adds them to the store. */
  'vectorstores.add': route({
    input: z.object({
      id: z.string().min(1),
      assetIds: z.array(z.string().min(1)).default([]),
      paths: z.array(z.string().min(1)).default([])
    }),
    output: VectorStoreView
  }),
  'vectorstores.delete': route({ input: z.object({ id: z.string().min(1) }), output: Done })
}
