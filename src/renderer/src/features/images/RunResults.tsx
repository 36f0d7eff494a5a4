import { Alert, Button, Group, Menu, Modal, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconRefresh, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { ExtractRow, RunExportFormat } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { call } from '../../api/client'
import { useDeleteRun, useRetryRun, useRun } from '../../api/images-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'
import { notifyError } from '../../i18n/notify-error'
import { downloadText } from '../player/download'
import { FailuresList } from './FailuresList'
import { ResultsGrid } from './ResultsGrid'
import { RowDetail } from './RowDetail'
import { RunAgainMenu } from './RunAgainMenu'
import { runName } from './run-name'
import { RunStatusBadge } from './RunStatusBadge'

/** A run's header (status, counts, cost, actions), its rows as a grid, and the images that failed. */
export function RunResults({ runId }: { runId: string }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const run = useRun(runId)
  const retry = useRetryRun(runId)
  const remove = useDeleteRun()
  const [open, setOpen] = useState<ExtractRow | null>(null)
  const [confirming, setConfirming] = useState(false)
  if (run.error) return <ErrorAlert error={run.error} />
  const view = run.data
  if (!view) return null
  const done = view.counts.total - view.counts.pending
  const exportAs = (format: RunExportFormat): void => {
    call('images.run.export', { runId, format }).then(downloadText, (error: unknown) => notifyError(t, error))
  }
  const current = open ? (view.rows.find((r) => r.assetId === open.assetId) ?? open) : null
  return (
    <Paper withBorder p="md" data-testid="run-results">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Group gap="xs">
              <Title order={4}>{runName(t, view)}</Title>
              <RunStatusBadge status={view.status} />
            </Group>
            <Text size="sm" c="dimmed" data-testid="run-facts">
              {t('images.runFacts', {
                model: view.model,
                detail: t(`images.details.${view.detail}`),
                mode: view.mode === 'batch' ? t('images.batchMode') : t('images.directMode'),
                ok: view.counts.ok,
                total: view.counts.total,
                cost: formatUsd(view.costUsd)
              })}
            </Text>
          </div>
          <Group gap="xs">
            <RunAgainMenu view={view} />
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="export-run">
                  {t('images.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => exportAs('csv')} data-testid="export-csv">
                  {t('images.exportCsv')}
                </Menu.Item>
                <Menu.Item onClick={() => exportAs('json')}>JSON</Menu.Item>
                <Menu.Item onClick={() => exportAs('jsonl')}>JSONL</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {(view.counts.failed > 0 || view.counts.refused > 0 || view.status === 'failed') && (
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} />}
                loading={retry.isPending}
                onClick={() => retry.mutate(undefined, { onError: (error) => notifyError(t, error) })}
                data-testid="retry-failed"
              >
                {t('images.retryFailed')}
              </Button>
            )}
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setConfirming(true)}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Group>
        {(view.status === 'running' || view.status === 'waiting') && (
          <Stack gap={4}>
            <Progress value={(100 * done) / Math.max(1, view.counts.total)} animated />
            <Text size="xs" c="dimmed">
              {view.mode === 'batch'
                ? t('images.batchWaiting')
                : t('images.progress', { done, total: view.counts.total })}
            </Text>
          </Stack>
        )}
        {view.status === 'failed' && view.counts.pending > 0 && (
          <Alert color="orange">{t('images.stoppedRun', { count: view.counts.pending })}</Alert>
        )}
        <ResultsGrid run={view} onOpen={setOpen} />
        <FailuresList
          rows={view.rows}
          onRetry={(assetId) => retry.mutate([assetId], { onError: (error) => notifyError(t, error) })}
        />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('images.deleteRun')}>
        <Text size="sm">{t('images.deleteRunBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(runId, {
                onSuccess: () => navigate('/images'),
                onError: (error) => notifyError(t, error)
              })
            }
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
      {current && (
        <RowDetail
          key={current.assetId}
          runId={runId}
          row={current}
          schema={run.data.schema}
          imagePath={current.path}
          onClose={() => setOpen(null)}
        />
      )}
    </Paper>
  )
}
