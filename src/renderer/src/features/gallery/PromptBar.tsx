import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSparkles } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { ImageEstimate } from '@shared/domain/gallery'
import { formatUsd } from '@shared/format'
import { useProviders } from '../../api/ai-hooks'
import { errorInfo } from '../../api/client'
import { useGenerate, useImageEstimate, useImageModels } from '../../api/gallery-hooks'
import { errorText } from '../../i18n/error-text'
import { fitChoice, requestOf, type ImageChoice } from './image-choice'
import { ImageOptions } from './ImageOptions'

interface Props {
  choice: ImageChoice
  onChange: (choice: ImageChoice) => void
  onStarted: (run: { runId: string; jobId: string }) => void
}

/** The prompt, the model's parameters, what it will cost, and Generate. */
export function PromptBar({ choice, onChange, onStarted }: Props) {
  const { t } = useTranslation()
  const models = useImageModels()
  const option = models.data?.find((m) => m.model === choice.model)
  const request = requestOf(choice, option)
  const [debounced] = useDebouncedValue(request, 300)
  const estimate = useImageEstimate(debounced.prompt.trim() ? debounced : null)
  const generate = useGenerate()
  const patch = (change: Partial<ImageChoice>) => {
    const next = { ...choice, ...change }
    onChange(
      change.model
        ? fitChoice(
            next,
            models.data?.find((m) => m.model === change.model)
          )
        : next
    )
  }
  const start = () => {
    if (!choice.prompt.trim()) return
    generate.mutate(request, { onSuccess: onStarted })
  }
  const providers = useProviders()
  // Nothing to send to yet: said before the user writes a prompt, with where to fix it.
  const noProvider =
    providers.data !== undefined &&
    !providers.data.some((p) => (p.hasKey || p.local) && p.capabilities.imageGeneration)
  const problem = generate.error ?? (choice.prompt.trim() ? estimate.error : null)
  const shown = problem ? errorText(t, errorInfo(problem)) : null
  return (
    <Paper withBorder p="sm" radius="md" data-testid="prompt-bar">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Textarea
            aria-label={t('gallery.prompt')}
            placeholder={t('gallery.promptHint')}
            autosize
            minRows={1}
            maxRows={6}
            style={{ flex: 1 }}
            value={choice.prompt}
            onChange={(e) => patch({ prompt: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) start()
            }}
            data-testid="gallery-prompt"
          />
          <Button
            leftSection={<IconSparkles size={16} />}
            onClick={start}
            loading={generate.isPending}
            disabled={!choice.prompt.trim() || Boolean(estimate.error)}
            data-testid="gallery-generate"
          >
            {t('gallery.generate')}
          </Button>
        </Group>
        <Group justify="space-between" align="flex-end" gap="xs">
          <ImageOptions
            choice={fitChoice(choice, option)}
            option={option}
            models={models.data ?? []}
            onChange={patch}
          />
          <EstimateText estimate={choice.prompt.trim() ? estimate.data : undefined} />
        </Group>
        {noProvider && (
          <Alert color="yellow" py={6} data-testid="gallery-no-provider">
            {t('gallery.noProvider')}{' '}
            <Anchor component={Link} href="/settings" size="sm">
              {t('gallery.openSettings')}
            </Anchor>
          </Alert>
        )}
        {shown && (
          <Alert color="red" title={shown.title} py={6} data-testid="prompt-problem">
            {shown.detail}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

function EstimateText({ estimate }: { estimate: ImageEstimate | undefined }) {
  const { t } = useTranslation()
  if (!estimate) return null
  return (
    <Text size="xs" c="dimmed" data-testid="gallery-estimate">
      {estimate.basis === 'unknown'
        ? t('gallery.noPrice')
        : t('gallery.estimate', {
            count: estimate.images,
            cost: formatUsd(estimate.costUsd),
            basis: t(`gallery.basis.${estimate.basis}`)
          })}
    </Text>
  )
}
