import { Button, Group, ScrollArea, Stack, Text, Textarea } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TurnResult, TurnSettings } from '@shared/domain/playground'
import { useCompare, usePick } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'
import { CompareColumn, type ColumnOutcome } from './CompareColumn'
import { forModel, newStreamId } from './settings-model'

/** The same prompt to 2–4 columns at once, each with its figures; the picked answer continues. */
export function CompareView(props: {
  conversationId: string | null
  settings: TurnSettings
  onPicked: (conversationId: string, settings: TurnSettings) => void
}) {
  const { t } = useTranslation()
  const [columns, setColumns] = useState<TurnSettings[]>(() => [
    props.settings,
    { ...props.settings, model: undefined }
  ])
  const [prompt, setPrompt] = useState('')
  const [streams, setStreams] = useState<string[]>([])
  const [outcomes, setOutcomes] = useState<ColumnOutcome[]>([])
  const [conversationId, setConversationId] = useState(props.conversationId)
  const compare = useCompare()
  const pick = usePick()
  const run = () => {
    const ids = columns.map(() => newStreamId())
    setStreams(ids)
    setOutcomes([])
    compare.mutate(
      { conversationId: conversationId ?? undefined, prompt, columns: columns.map(forModel), streamIds: ids },
      {
        onSuccess: (out) => {
          setConversationId(out.conversationId)
          setOutcomes(out.results)
        },
        onError: (error) => notifyError(t, error),
        onSettled: () => setStreams([])
      }
    )
  }
  const results = outcomes.filter((o): o is TurnResult => Boolean(o && 'text' in o))
  const best = (key: (r: TurnResult) => number) =>
    results.reduce<TurnResult | null>((a, r) => (!a || key(r) < key(a) ? r : a), null)
  const fastest = best((r) => r.latencyMs)
  const cheapest = best((r) => r.costUsd)
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="compare-view">
      <Text size="sm" c="dimmed">
        {t('playground.compare.hint')}
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          {columns.map((settings, i) => {
            const outcome = outcomes[i] ?? null
            const result = outcome && 'text' in outcome ? outcome : null
            return (
              <CompareColumn
                key={i}
                index={i}
                settings={settings}
                onChange={(next) => setColumns(columns.map((c, j) => (j === i ? next : c)))}
                onRemove={
                  columns.length > 2 ? () => setColumns(columns.filter((_, j) => j !== i)) : undefined
                }
                streamId={streams[i] ?? null}
                outcome={outcome}
                badges={[
                  ...(result && result === fastest ? ['fastest'] : []),
                  ...(result && result === cheapest ? ['cheapest'] : [])
                ]}
                onPick={() =>
                  result &&
                  pick.mutate(result.messageId, {
                    onSuccess: (conversation) => props.onPicked(conversation.id, conversation.settings),
                    onError: (error) => notifyError(t, error)
                  })
                }
              />
            )
          })}
        </Group>
      </ScrollArea>
      <Textarea
        value={prompt}
        onChange={(e) => setPrompt(e.currentTarget.value)}
        placeholder={t('playground.composer.placeholder')}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="compare-prompt"
      />
      <Group justify="space-between">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          disabled={columns.length >= 4}
          onClick={() => setColumns([...columns, props.settings])}
          data-testid="add-column"
        >
          {t('playground.compare.addColumn')}
        </Button>
        <Button
          size="xs"
          onClick={run}
          loading={compare.isPending}
          disabled={!prompt.trim()}
          data-testid="compare-run"
        >
          {t('playground.compare.run')}
        </Button>
      </Group>
    </Stack>
  )
}
