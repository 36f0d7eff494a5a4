import { Center, Paper, ScrollArea, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message, TurnSettings } from '@shared/domain/playground'
import { useCondense } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'
import { CodeDialog } from './CodeDialog'
import { Composer, type Draft } from './Composer'
import { toImageInput } from './attachments'
import { LiveAnswer } from './LiveAnswer'
import { MessageView } from './MessageView'
import { PendingCalls } from './PendingCalls'
import { resendOf, userTurnBefore, useChat } from './useChat'

/** One conversation: its messages, the answer streaming in, pending function calls and the composer. */
export function ChatView(props: {
  conversationId: string | null
  messages: Message[]
  settings: TurnSettings
  draft: Draft
  onDraft: (draft: Draft) => void
  onConversation: (id: string) => void
}) {
  const { t } = useTranslation()
  const { messages, draft, onDraft } = props
  const chat = useChat(props)
  const condense = useCondense()
  const [editing, setEditing] = useState<string | null>(null)
  const [codeFor, setCodeFor] = useState<string | null>(null)
  const bottom = useRef<HTMLDivElement>(null)
  const shown = chat.keep === null ? messages : messages.slice(0, chat.keep)
  useEffect(() => {
    // A block body: Chromium's scrollIntoView may return a promise, which React would call as a cleanup.
    void bottom.current?.scrollIntoView({ block: 'end' })
  }, [shown.length, chat.stream.text])

  const sendDraft = () => {
    const at = editing ? messages.findIndex((m) => m.id === editing) : messages.length
    const turn = {
      prompt: draft.text,
      images: draft.images.map(toImageInput),
      replaceFrom: editing ?? undefined
    }
    chat.run(turn, at < 0 ? messages.length : at, () => {
      onDraft({ text: '', images: [] })
      setEditing(null)
    })
  }
  const resend = (index: number, extra: { dropOldest?: boolean } = {}) => {
    const user = userTurnBefore(messages, index)
    if (user) chat.run({ ...resendOf(user), replaceFrom: user.id, ...extra }, messages.indexOf(user))
  }
  const condenseInto = () =>
    props.conversationId &&
    condense.mutate(props.conversationId, {
      onSuccess: (fresh) => props.onConversation(fresh.id),
      onError: (error) => notifyError(t, error)
    })
  const last = messages.at(-1)
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars data-testid="messages">
        <Stack gap="sm" pb="sm">
          {shown.length === 0 && chat.sentText === null && (
            <Center p="xl">
              <Text c="dimmed" ta="center" data-testid="chat-empty">
                {t('playground.empty')}
              </Text>
            </Center>
          )}
          {shown.map((m, i) => (
            <MessageView
              key={m.id}
              message={m}
              actions={{
                onEdit:
                  m.role === 'user' && !chat.busy
                    ? () => (setEditing(m.id), onDraft({ ...draft, text: resendOf(m).prompt }))
                    : undefined,
                onRegenerate:
                  m.role === 'assistant' && i === messages.length - 1 && !chat.busy
                    ? () => resend(i)
                    : undefined,
                onCode: m.role === 'assistant' && m.api ? () => setCodeFor(m.id) : undefined,
                onDropOldest: () => resend(i, { dropOldest: true }),
                onCondense: () => condenseInto()
              }}
            />
          ))}
          {chat.busy && chat.sentText && (
            <Paper p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-testid="message-sending">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {chat.sentText}
              </Text>
            </Paper>
          )}
          {chat.busy && <LiveAnswer stream={chat.stream} />}
          {!chat.busy && last?.status === 'pending' && (
            <PendingCalls
              message={last}
              busy={chat.busy}
              onSend={(toolOutputs) => chat.run({ toolOutputs }, messages.length)}
            />
          )}
          <div ref={bottom} />
        </Stack>
      </ScrollArea>
      <Composer draft={draft} onChange={onDraft} onSend={sendDraft} onStop={chat.stop} busy={chat.busy} />
      <CodeDialog messageId={codeFor} onClose={() => setCodeFor(null)} />
    </Stack>
  )
}
