import { Button, Loader, Menu, Text } from '@mantine/core'
import { IconPlayerPlay, IconStack2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { RunChoice, RunView } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { useExtractEstimate, useStartRun } from '../../api/images-hooks'
import { notifyError } from '../../i18n/notify-error'

/** The same images, extractor, model and detail as the run. */
const choiceOf = (view: RunView): RunChoice => ({
  assetIds: view.rows.map((r) => r.assetId),
  extractor: view.extractorId
    ? { extractorId: view.extractorId }
    : { schema: view.schema, instructions: view.instructions, name: view.extractorName },
  model: view.model,
  detail: view.detail
})

/** What asking everything anew costs; only asked for while the menu is open. */
function AgainEstimate({ choice }: { choice: RunChoice }) {
  const { t } = useTranslation()
  const { data } = useExtractEstimate(choice, true)
  return (
    <Menu.Label data-testid="run-again-estimate">
      {data ? (
        <Text size="xs">
          {t('images.estimateLine', { cost: formatUsd(data.costUsd), batch: formatUsd(data.batchCostUsd) })}
        </Text>
      ) : (
        <Loader size="xs" />
      )}
    </Menu.Label>
  )
}

/** Sends the run again, forced (answers already paid for are asked anew), now or as a Batch. */
export function RunAgainMenu({ view }: { view: RunView }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const again = useStartRun()
  const choice = choiceOf(view)
  const runAgain = (batch: boolean): void =>
    again.mutate(
      { ...choice, force: true, batch },
      {
        onSuccess: ({ runId: next }) => navigate(`/images/${next}`),
        onError: (error) => notifyError(t, error)
      }
    )
  return (
    <Menu>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconPlayerPlay size={16} />}
          loading={again.isPending}
          data-testid="run-again"
        >
          {t('images.runAgain')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <AgainEstimate choice={choice} />
        <Menu.Item
          leftSection={<IconPlayerPlay size={14} />}
          onClick={() => runAgain(false)}
          data-testid="run-again-now"
        >
          {t('images.runNow')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconStack2 size={14} />}
          onClick={() => runAgain(true)}
          data-testid="run-again-batch"
        >
          {t('images.runBatch')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
