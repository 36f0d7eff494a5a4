import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Paper, RingProgress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UsageSummary } from '@shared/domain/usage'
import { formatUsd } from '@shared/format'
import { useUsageSummary } from '../../api/ai-hooks'
import { PricesTable } from './PricesTable'

const usd = formatUsd
const num = (value: number): string => value.toLocaleString()

export default function UsagePage() {
  const { t } = useTranslation()
  const { data: summary } = useUsageSummary()
  return (
    <ScrollArea style={{ flex: 1 }} data-testid="page-usage">
      <Stack gap="lg" maw={1100}>
        <div>
          <Title order={2}>{t('usagePage.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('usagePage.subtitle')}
          </Text>
        </div>
        {summary && summary.totals.calls === 0 && <Text c="dimmed">{t('usagePage.empty')}</Text>}
        {summary && <Totals summary={summary} />}
        {summary && summary.byDay.length > 0 && (
          <Paper withBorder p="lg" radius="lg">
            <Title order={4} mb="sm">
              {t('usagePage.perDay')}
            </Title>
            <BarChart
              h={220}
              data={summary.byDay}
              dataKey="day"
              series={[{ name: 'costUsd', label: t('usagePage.cost'), color: 'indigo.6' }]}
              valueFormatter={usd}
              data-testid="usage-chart"
            />
          </Paper>
        )}
        {summary && summary.byModel.length > 0 && <ModelTable summary={summary} />}
        <PricesTable />
      </Stack>
    </ScrollArea>
  )
}

function Totals({ summary }: { summary: UsageSummary }) {
  const { t } = useTranslation()
  const s = summary.totals
  const share = Math.round(s.cachedShare * 100)
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Stat label={t('usagePage.totalCost')} value={usd(s.costUsd)} testId="usage-total-cost" />
      <Stat label={t('usagePage.calls')} value={num(s.calls)} />
      <Stat label={t('usagePage.tokens')} value={`${num(s.inputTokens)} / ${num(s.outputTokens)}`} />
      <Paper withBorder p="md" radius="lg">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('usagePage.cachedShare')}
        </Text>
        <RingProgress
          size={64}
          thickness={7}
          sections={[{ value: share, color: 'teal' }]}
          label={
            <Text ta="center" size="xs" fw={700}>
              {share}%
            </Text>
          }
          data-testid="usage-cached-share"
        />
      </Paper>
    </SimpleGrid>
  )
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="lg">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}

function ModelTable({ summary }: { summary: UsageSummary }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={4} mb="sm">
        {t('usagePage.perModel')}
      </Title>
      <Table striped data-testid="usage-models">
        <Table.Thead>
          <Table.Tr>
            {['model', 'calls', 'input', 'cached', 'output', 'reasoning', 'cost'].map((key) => (
              <Table.Th key={key}>{t(`usagePage.${key}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.byModel.map((m) => (
            <Table.Tr key={m.model}>
              <Table.Td>{m.model}</Table.Td>
              <Table.Td>{num(m.calls)}</Table.Td>
              <Table.Td>{num(m.inputTokens)}</Table.Td>
              <Table.Td>{num(m.cachedTokens)}</Table.Td>
              <Table.Td>{num(m.outputTokens)}</Table.Td>
              <Table.Td>{num(m.reasoningTokens)}</Table.Td>
              <Table.Td>{usd(m.costUsd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
