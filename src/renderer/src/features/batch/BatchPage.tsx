import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { BatchState, BatchView } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { useBatches, useCancelBatch, useFollowBatch } from '../../api/images-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'
import { notifyError } from '../../i18n/notify-error'
import { localTime } from '../images/run-name'
import { useImagesEvents } from '../images/useImagesEvents'

const COLOR: Record<BatchState, string> = {
  validating: 'gray',
  in_progress: 'blue',
  finalizing: 'cyan',
  completed: 'teal',
  failed: 'red',
  expired: 'orange',
  cancelling: 'yellow',
  cancelled: 'gray'
}
const FINISHED: readonly BatchState[] = ['completed', 'failed', 'expired', 'cancelled']

/** Every batch sent: state, counts, times, cost and what sending it directly would have cost. */
export default function BatchPage() {
  const { t } = useTranslation()
  const batches = useBatches()
  useImagesEvents()
  const list = batches.data ?? []
  const saved = list.reduce((sum, b) => sum + (b.imported ? b.directCostUsd - b.costUsd : 0), 0)
  return (
    <Stack gap="md" data-testid="page-batch">
      <div>
        <Title order={2}>{t('batch.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('batch.subtitle')}
        </Text>
      </div>
      {batches.error && <ErrorAlert error={batches.error} />}
      {list.length > 0 && (
        <Text size="sm" data-testid="batch-saved">
          {t('batch.savedTotal', { saved: formatUsd(saved), count: list.length })}
        </Text>
      )}
      {list.length === 0 && !batches.isLoading ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('batch.empty')}
          </Text>
          <Group justify="center" mt="sm">
            <Button component={Link} href="/images" variant="light">
              {t('batch.goImages')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="batch-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('batch.colBatch')}</Table.Th>
                  {/* Wide enough for the longest state ("finalizing", "cancelling") in either language. */}
                  <Table.Th style={{ minWidth: 130 }}>{t('batch.colState')}</Table.Th>
                  <Table.Th>{t('batch.colRequests')}</Table.Th>
                  <Table.Th>{t('batch.colTimes')}</Table.Th>
                  <Table.Th>{t('batch.colCost')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((batch) => (
                  <BatchRow key={batch.id} batch={batch} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  )
}

function BatchRow({ batch }: { batch: BatchView }) {
  const { t, i18n } = useTranslation()
  const cancel = useCancelBatch()
  const follow = useFollowBatch()
  const c = batch.requestCounts
  const files = [
    [t('batch.inputFile'), batch.inputFileId],
    [t('batch.outputFile'), batch.outputFileId],
    [t('batch.errorFile'), batch.errorFileId]
  ].filter(([, id]) => id)
  return (
    <Table.Tr data-testid="batch-row" data-state={batch.state}>
      <Table.Td>
        <Tooltip
          label={files.map(([label, id]) => `${label}: ${id}`).join('\n') || batch.remoteId}
          multiline
          style={{ whiteSpace: 'pre-line' }}
        >
          <Text size="sm" ff="monospace" truncate maw={220}>
            {batch.remoteId}
          </Text>
        </Tooltip>
        <Text size="xs" c="dimmed">
          {batch.model} · {batch.endpoint}
        </Text>
      </Table.Td>
      <Table.Td miw={110}>
        <Badge
          color={COLOR[batch.state]}
          variant="light"
          style={{ overflow: 'visible' }}
          data-testid="batch-state"
        >
          {t(`batch.states.${batch.state}`)}
        </Badge>
        {batch.error && (
          <Text size="xs" c="red">
            {batch.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={140}>
        <Progress.Root size="sm">
          <Progress.Section value={(100 * c.completed) / Math.max(1, c.total)} color="teal" />
          <Progress.Section value={(100 * c.failed) / Math.max(1, c.total)} color="red" />
        </Progress.Root>
        <Text size="xs" mt={2}>
          {t('batch.counts', { completed: c.completed, failed: c.failed, total: c.total })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{t('batch.created', { at: localTime(batch.createdAt, i18n.language) })}</Text>
        {batch.finishedAt && (
          <Text size="xs">{t('batch.finished', { at: localTime(batch.finishedAt, i18n.language) })}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {batch.imported ? (
          <>
            <Text size="sm" data-testid="batch-cost">
              {formatUsd(batch.costUsd)}
            </Text>
            <Text size="xs" c="teal">
              {t('batch.saved', {
                saved: formatUsd(batch.directCostUsd - batch.costUsd),
                direct: formatUsd(batch.directCostUsd)
              })}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {t('batch.notYet')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          {batch.runId && (
            <Anchor
              component={Link}
              href={`/images/${batch.runId}`}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="batch-open-run"
            >
              {t('batch.openRun')}
            </Anchor>
          )}
          {!batch.imported && !batch.following && (
            <Button
              size="compact-xs"
              variant="light"
              loading={follow.isPending}
              data-testid="batch-resume"
              onClick={() => follow.mutate(batch.id, { onError: (error) => notifyError(t, error) })}
            >
              {t('batch.resume')}
            </Button>
          )}
          {!FINISHED.includes(batch.state) && batch.state !== 'cancelling' && (
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(batch.id, { onError: (error) => notifyError(t, error) })}
            >
              {t('batch.cancel')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
