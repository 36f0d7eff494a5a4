import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea
} from '@mantine/core'
import { IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TurnResult, TurnSettings } from '@shared/domain/playground'
import { formatUsd } from '@shared/format'
import { LiveAnswer } from './LiveAnswer'
import { Markdown } from './Markdown'
import { isReasoningModel } from './settings-model'
import { seconds } from './UsageLine'
import { useModelCatalog } from './useModelCatalog'
import { useTurnStream } from './useTurnStream'

export type ColumnOutcome = TurnResult | { error: { code: string; message: string } } | null

/** One column of a comparison: its own model, instructions and parameters, then its answer and figures. */
export function CompareColumn(props: {
  index: number
  settings: TurnSettings
  onChange: (settings: TurnSettings) => void
  onRemove?: () => void
  streamId: string | null
  outcome: ColumnOutcome
  badges: string[]
  onPick: () => void
}) {
  const { t } = useTranslation()
  const { settings, onChange, outcome } = props
  const { models } = useModelCatalog(settings.providerId)
  const stream = useTurnStream(props.streamId)
  const reasoning = isReasoningModel(settings.model)
  const set = (patch: Partial<TurnSettings>) => onChange({ ...settings, ...patch })
  return (
    <Paper withBorder p="sm" radius="md" style={{ minWidth: 240, flex: 1 }} data-testid="compare-column">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={700}>
            {t('playground.compare.column', { n: props.index + 1 })}
          </Text>
          {props.onRemove && (
            <ActionIcon
              size="sm"
              variant="subtle"
              onClick={props.onRemove}
              aria-label={t('playground.compare.removeColumn')}
            >
              <IconX size={14} />
            </ActionIcon>
          )}
        </Group>
        <Select
          size="xs"
          value={settings.api}
          onChange={(api) => api && set({ api: api as TurnSettings['api'] })}
          data={[
            { value: 'responses', label: t('playground.params.responses') },
            { value: 'chat', label: t('playground.params.chat') }
          ]}
        />
        <Autocomplete
          size="xs"
          placeholder={t('playground.params.model')}
          value={settings.model ?? ''}
          onChange={(model) => set({ model: model || undefined })}
          data={models}
          data-testid="column-model"
        />
        <Textarea
          size="xs"
          placeholder={t('playground.params.instructions')}
          value={settings.instructions ?? ''}
          onChange={(e) => set({ instructions: e.currentTarget.value || undefined })}
          autosize
          minRows={1}
          maxRows={4}
          data-testid="column-instructions"
        />
        {reasoning ? (
          <Select
            size="xs"
            label={t('playground.params.reasoningEffort')}
            placeholder={t('playground.params.default')}
            value={settings.reasoningEffort ?? null}
            onChange={(v) => set({ reasoningEffort: (v ?? undefined) as TurnSettings['reasoningEffort'] })}
            data={['minimal', 'low', 'medium', 'high'].map((v) => ({
              value: v,
              label: t(`playground.params.values.${v}`)
            }))}
            clearable
          />
        ) : (
          <NumberInput
            size="xs"
            label={t('playground.params.temperature')}
            min={0}
            max={2}
            step={0.1}
            decimalScale={2}
            value={settings.temperature ?? ''}
            onChange={(v) => set({ temperature: typeof v === 'number' ? v : undefined })}
          />
        )}
        {props.streamId && <LiveAnswer stream={stream} />}
        {outcome && 'error' in outcome && (
          <Text size="sm" c="red">
            {outcome.error.message}
          </Text>
        )}
        {outcome && 'text' in outcome && (
          <Outcome result={outcome} badges={props.badges} onPick={props.onPick} />
        )}
      </Stack>
    </Paper>
  )
}

function Outcome({ result, badges, onPick }: { result: TurnResult; badges: string[]; onPick: () => void }) {
  const { t } = useTranslation()
  const u = result.usage
  return (
    <Stack gap={6} data-testid="column-result">
      <Markdown text={result.text} testId="column-text" />
      <Group gap={4}>
        {badges.map((b) => (
          <Badge key={b} size="xs" color="teal" variant="light">
            {t(`playground.compare.${b}`)}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed" data-testid="column-metrics">
        {t('playground.compare.ttft')} {seconds(result.ttftMs)} · {t('playground.compare.total')}{' '}
        {seconds(result.latencyMs)} · {formatUsd(result.costUsd)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('playground.compare.tokens')}:{' '}
        {t('playground.compare.tokenLine', {
          input: u.inputTokens,
          cached: u.cachedTokens,
          output: u.outputTokens,
          reasoning: u.reasoningTokens
        })}
      </Text>
      <Button size="xs" variant="light" onClick={onPick} data-testid="pick">
        {t('playground.compare.pick')}
      </Button>
    </Stack>
  )
}
