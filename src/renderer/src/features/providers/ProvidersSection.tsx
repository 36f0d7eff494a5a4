import { Alert, Badge, Button, Group, Menu, Modal, Paper, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconCheck, IconPlus, IconStarFilled } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionTest, Provider, ProviderKind } from '@shared/domain/provider'
import { errorInfo } from '../../api/client'
import { usePresets, useProviders, useRemoveProvider, useTestProvider } from '../../api/ai-hooks'
import { useAppInfo } from '../../api/hooks'
import { errorText } from '../../i18n/error-text'
import { notifyError } from '../../i18n/notify-error'
import { Section } from '../settings/Section'
import { ProviderEditor } from './ProviderEditor'

type Editing = { id: string | null; kind: ProviderKind } | null

export function ProvidersSection() {
  const { t } = useTranslation()
  const { data: providers = [] } = useProviders()
  const { data: presets = [] } = usePresets()
  const [editing, setEditing] = useState<Editing>(null)
  const { data: info } = useAppInfo()
  const hint = info
    ? t('providers.hintWithStore', {
        hint: t('providers.hint'),
        where: t(`providers.keyStore.${info.keyStore}`, { file: info.keyFile ?? '' })
      })
    : t('providers.hint')
  return (
    <Section title={t('providers.title')} hint={hint} testId="settings-providers">
      <Group>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button leftSection={<IconPlus size={16} />} data-testid="provider-add">
              {t('providers.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {presets.map((preset) => (
              <Menu.Item
                key={preset.kind}
                onClick={() => setEditing({ id: null, kind: preset.kind })}
                data-testid={`provider-preset-${preset.kind}`}
              >
                {preset.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {providers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('providers.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {providers.map((provider) => (
          <ProviderRow
            key={provider.id}
            provider={provider}
            onEdit={() => setEditing({ id: provider.id, kind: provider.kind })}
          />
        ))}
      </Stack>
      {editing && (
        <ProviderEditor
          key={editing.id ?? editing.kind}
          kind={editing.kind}
          existing={providers.find((p) => p.id === editing.id) ?? null}
          others={providers.filter((p) => p.id !== editing.id)}
          preset={presets.find((p) => p.kind === editing.kind)}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  )
}

function ProviderRow({ provider, onEdit }: { provider: Provider; onEdit: () => void }) {
  const { t } = useTranslation()
  const test = useTestProvider()
  const remove = useRemoveProvider()
  const [result, setResult] = useState<ConnectionTest | null>(null)
  const [confirming, confirm] = useDisclosure(false)
  const fromEnvironment = provider.id === 'env'
  const key = !provider.hasKey
    ? ['red', t('providers.keyMissing')]
    : provider.keySource === 'store'
      ? ['teal', t('providers.keySaved')]
      : provider.keySource === 'env'
        ? ['blue', t('providers.keyEnv')]
        : ['gray', t('providers.keyNotNeeded')]
  const runTest = (): void =>
    test.mutate(provider.id, {
      onSuccess: setResult,
      onError: (e) => setResult({ ok: false, latencyMs: null, models: [], error: errorInfo(e) })
    })
  return (
    <Paper withBorder p="md" radius="md" data-testid="provider-row" data-provider-id={provider.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {provider.isDefault && (
              <IconStarFilled
                size={14}
                color="var(--mantine-color-yellow-6)"
                aria-label={t('providers.default')}
              />
            )}
            <Text fw={600}>{provider.name}</Text>
            <Badge variant="light" size="sm" tt="none">
              {t(`providers.kindNames.${provider.kind}`)}
            </Badge>
            {provider.local && (
              <Badge variant="outline" size="sm">
                {t('providers.local')}
              </Badge>
            )}
            <Badge variant="light" size="sm" color={key[0]}>
              {key[1]}
            </Badge>
            {fromEnvironment && (
              <Badge variant="outline" size="sm" color="gray" tt="none" data-testid="provider-from-env">
                {t('providers.fromEnvironment')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" truncate="end">
            {provider.baseURL}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            onClick={runTest}
            loading={test.isPending}
            data-testid="provider-test"
          >
            {t('providers.test')}
          </Button>
          {/* The environment's provider is set where it comes from, not here. */}
          {!fromEnvironment && (
            <>
              <Button size="xs" variant="default" onClick={onEdit} data-testid="provider-edit">
                {t('providers.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={confirm.open}
                data-testid="provider-remove"
              >
                {t('providers.remove')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {result && <TestResult result={result} />}
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t('providers.removeTitle', { name: provider.name })}
        centered
      >
        <Text size="sm">{t('providers.removeBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(provider.id, { onSuccess: confirm.close, onError: (e) => notifyError(t, e) })
            }
            data-testid="provider-remove-confirm"
          >
            {t('providers.remove')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}

function TestResult({ result }: { result: ConnectionTest }) {
  const { t } = useTranslation()
  if (result.ok) {
    return (
      <Alert
        mt="sm"
        color="teal"
        icon={<IconCheck size={16} />}
        data-testid="provider-test-result"
        data-ok="true"
      >
        {t('providers.testOk', { ms: result.latencyMs ?? 0, count: result.models.length })}
      </Alert>
    )
  }
  const text = errorText(t, { code: result.error?.code ?? 'INTERNAL', message: result.error?.message ?? '' })
  return (
    <Alert mt="sm" color="red" title={text.title} data-testid="provider-test-result" data-ok="false">
      {text.detail}
    </Alert>
  )
}
