import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message, SendInput, TurnSettings } from '@shared/domain/playground'
import { errorInfo } from '../../api/client'
import { useSend, useStop } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'
import { forModel, newStreamId } from './settings-model'
import { useTurnStream } from './useTurnStream'

type Turn = Omit<SendInput, 'settings' | 'streamId' | 'conversationId'>

/** Sending turns of one conversation: the stream in flight, stop, and where a new conversation went. */
export function useChat(options: {
  conversationId: string | null
  settings: TurnSettings
  onConversation: (id: string) => void
}) {
  const { t } = useTranslation()
  const send = useSend()
  const stop = useStop()
  const [streamId, setStreamId] = useState<string | null>(null)
  /** How many stored messages stay on screen while a turn is in flight (the rest is being replaced). */
  const [keep, setKeep] = useState<number | null>(null)
  const [sentText, setSentText] = useState<string | null>(null)
  const stream = useTurnStream(streamId)

  const run = (turn: Turn, keepCount: number, onDone?: () => void) => {
    const id = newStreamId()
    setStreamId(id)
    setKeep(keepCount)
    setSentText(turn.prompt ?? null)
    send.mutate(
      {
        ...turn,
        conversationId: options.conversationId ?? undefined,
        settings: forModel(options.settings),
        streamId: id
      },
      {
        onSuccess: (result) => {
          onDone?.()
          if (result.conversationId !== options.conversationId) options.onConversation(result.conversationId)
        },
        onError: (error) => {
          notifyError(t, error)
          // A new conversation is stored before anything is sent: show it, with the failed answer.
          const details = errorInfo(error).details as { conversationId?: string } | undefined
          if (details?.conversationId && details.conversationId !== options.conversationId)
            options.onConversation(details.conversationId)
        },
        onSettled: () => {
          setStreamId(null)
          setKeep(null)
          setSentText(null)
        }
      }
    )
  }
  return {
    run,
    busy: send.isPending,
    stream,
    keep,
    sentText,
    stop: () => streamId && stop.mutate(streamId)
  }
}

/** The user message a regenerate or a retry sends again. */
export function userTurnBefore(messages: Message[], index: number): Message | null {
  for (let i = index; i >= 0; i -= 1) if (messages[i]?.role === 'user') return messages[i] ?? null
  return null
}

export function resendOf(user: Message): { prompt: string; images: { assetId: string }[] } {
  const prompt = user.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('')
  const images = user.parts.flatMap((p) => (p.type === 'image' && p.assetId ? [{ assetId: p.assetId }] : []))
  return { prompt, images }
}
