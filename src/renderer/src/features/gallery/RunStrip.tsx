import { ActionIcon, Alert, Group, Image, Loader, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconX } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatUsd } from '@shared/format'
import { call, subscribe } from '../../api/client'
import { useImageRun } from '../../api/gallery-hooks'
import { useJobs } from '../../api/hooks'
import { errorText } from '../../i18n/error-text'

export interface StartedRun {
  runId: string
  jobId: string
}

/** Requests under way (with the partial images as they arrive), and those that failed, until dismissed. */
export function RunStrip({ runs, onDismiss }: { runs: StartedRun[]; onDismiss: (runId: string) => void }) {
  const previews = usePartialImages()
  if (runs.length === 0) return null
  return (
    <Group gap="xs" wrap="wrap" data-testid="run-strip">
      {runs.map((run) => (
        <RunCard
          key={run.runId}
          run={run}
          preview={previews[run.runId]}
          onDismiss={() => onDismiss(run.runId)}
        />
      ))}
    </Group>
  )
}

function RunCard({ run, preview, onDismiss }: { run: StartedRun; preview?: string; onDismiss: () => void }) {
  const { t } = useTranslation()
  const jobs = useJobs()
  const job = jobs.data?.find((j) => j.id === run.jobId)
  const view = useImageRun(run.runId)
  const { refetch } = view
  const state = job?.state ?? 'queued'
  const finished = useRef(false)
  useEffect(() => {
    // A finished request leaves the strip (its images are in the gallery now), saying what it cost.
    if (finished.current || (state !== 'succeeded' && state !== 'cancelled')) return
    finished.current = true
    if (state === 'succeeded')
      void call('gallery.run', { runId: run.runId })
        .then((done) =>
          notifications.show({
            color: 'teal',
            message: t('gallery.done', { count: done.images.length, cost: formatUsd(done.costUsd) }),
            'data-testid': 'run-done'
          } as Parameters<typeof notifications.show>[0])
        )
        .catch(() => undefined)
    onDismiss()
  }, [state, onDismiss, run.runId, t])
  useEffect(() => {
    if (state === 'failed') void refetch()
  }, [state, refetch])
  if (state === 'failed') {
    const error = job?.error ?? view.data?.error
    const text = errorText(t, { code: (error?.code ?? 'INTERNAL') as never, message: error?.message ?? '' })
    return (
      <Alert
        color="red"
        title={error?.code === 'AI_REFUSED' ? t('gallery.refused') : `${t('gallery.failed')}: ${text.title}`}
        withCloseButton
        closeButtonLabel={t('gallery.dismiss')}
        onClose={onDismiss}
        maw={420}
        data-testid="run-failed"
      >
        <Text size="xs">{text.detail}</Text>
      </Alert>
    )
  }
  const label =
    state === 'waiting'
      ? t('gallery.waiting')
      : job?.stage === 'storing-images'
        ? t('gallery.storing')
        : t('gallery.running')
  return (
    <Paper withBorder p="xs" radius="md" w={220} data-testid="run-card">
      <Stack gap={6}>
        {preview ? (
          <Image src={preview} h={120} fit="contain" radius="sm" alt="" data-testid="run-preview" />
        ) : (
          <Group h={120} justify="center">
            <Loader size="sm" />
          </Group>
        )}
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" lineClamp={1}>
            {label}
          </Text>
          <Tooltip label={t('gallery.cancel')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={t('gallery.cancel')}
              onClick={() => void call('jobs.cancel', { id: run.jobId })}
              data-testid="run-cancel"
            >
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Progress value={(job?.progress ?? 0) * 100} size="xs" animated />
      </Stack>
    </Paper>
  )
}

/** The newest partial image of each running request. */
function usePartialImages(): Record<string, string> {
  const [previews, setPreviews] = useState<Record<string, string>>({})
  useEffect(
    () => subscribe('gallery.partial', (p) => setPreviews((all) => ({ ...all, [p.runId]: p.dataUrl }))),
    []
  )
  return previews
}
