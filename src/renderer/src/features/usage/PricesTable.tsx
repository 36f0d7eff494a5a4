import { Badge, Button, Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Price } from '@shared/domain/usage'
import { usePrices, useResetPrice, useUpdatePrice } from '../../api/ai-hooks'

const FIELDS = [
  'inputPerM',
  'cachedInputPerM',
  'outputPerM',
  'perMinute',
  'perMCharacters',
  'perImage'
] as const

/** The editable price table: a change is saved when the field loses focus. */
export function PricesTable() {
  const { t } = useTranslation()
  const { data: prices = [] } = usePrices()
  const update = useUpdatePrice()
  const reset = useResetPrice()
  const headers = [
    t('usagePage.input'),
    t('usagePage.cached'),
    t('usagePage.output'),
    t('usagePage.perMinute'),
    t('usagePage.perMChars'),
    t('usagePage.perImage')
  ]
  const change = (price: Price, field: (typeof FIELDS)[number], value: number): void => {
    if (Number.isFinite(value) && value >= 0 && value !== price[field])
      update.mutate({ ...price, [field]: value })
  }
  return (
    <Paper withBorder p="lg" radius="lg" data-testid="usage-prices">
      <Title order={4}>{t('usagePage.prices')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('usagePage.pricesHint')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('usagePage.model')}</Table.Th>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prices.map((price) => (
              <Table.Tr key={price.model} data-testid="price-row" data-model={price.model}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{price.model}</Text>
                    {price.edited && <Badge size="xs">{t('usagePage.edited')}</Badge>}
                  </Group>
                </Table.Td>
                {FIELDS.map((field) => (
                  <Table.Td key={field}>
                    <NumberInput
                      size="xs"
                      w={88}
                      min={0}
                      decimalScale={4}
                      defaultValue={price[field]}
                      aria-label={`${price.model} ${field}`}
                      onBlur={(e) => change(price, field, Number(e.currentTarget.value))}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  {price.edited && (
                    <Button size="compact-xs" variant="subtle" onClick={() => reset.mutate(price.model)}>
                      {t('usagePage.reset')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}
