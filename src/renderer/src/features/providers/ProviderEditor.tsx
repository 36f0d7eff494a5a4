import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ProviderPreset } from '@shared/contract/ai'
import {
  CAPABILITIES,
  TASKS,
  type Capabilities,
  type Provider,
  type ProviderKind
} from '@shared/domain/provider'
import { useSaveProvider } from '../../api/ai-hooks'
import { notifyError } from '../../i18n/notify-error'

interface Props {
  kind: ProviderKind
  existing: Provider | null
  others: Provider[]
  preset: z.infer<typeof ProviderPreset> | undefined
  onClose: () => void
}

function parseDeployments(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split('=').map((part) => part.trim()))
      .filter(
        (parts): parts is [string, string] => parts.length === 2 && Boolean(parts[0]) && Boolean(parts[1])
      )
  )
}

export function ProviderEditor({ kind, existing, others, preset, onClose }: Props) {
  const { t } = useTranslation()
  const save = useSaveProvider()
  const [name, setName] = useState(existing?.name ?? preset?.name ?? kind)
  const [baseURL, setBaseURL] = useState(existing?.baseURL ?? preset?.baseURL ?? '')
  const [apiVersion, setApiVersion] = useState(existing?.apiVersion ?? preset?.apiVersion ?? '')
  const [deployments, setDeployments] = useState(
    Object.entries(existing?.deployments ?? {})
      .map(([m, d]) => `${m} = ${d}`)
      .join('\n')
  )
  const [proxy, setProxy] = useState(existing?.proxy ?? '')
  const [apiKey, setApiKey] = useState('')
  const [caps, setCaps] = useState<Capabilities>(
    existing?.capabilities ?? (preset?.capabilities as Capabilities)
  )
  const [models, setModels] = useState<Record<string, string>>(
    (existing?.defaultModels ?? {}) as Record<string, string>
  )
  const [fallbacks, setFallbacks] = useState<string[]>(existing?.fallbackIds ?? [])
  const [isDefault, setIsDefault] = useState(existing?.isDefault ?? others.length === 0)
  const local = preset?.local ?? false
  const choices = [...new Set([...(existing?.models ?? []), ...(preset?.catalog ?? [])])]
  const submit = (): void => {
    const overrides = Object.fromEntries(
      CAPABILITIES.filter((c) => caps[c] !== preset?.capabilities[c]).map((c) => [c, caps[c]])
    )
    const provider = {
      kind,
      name,
      baseURL,
      apiVersion: kind === 'azure' ? apiVersion || null : null,
      deployments: kind === 'azure' ? parseDeployments(deployments) : {},
      proxy: local || !proxy.trim() ? null : proxy.trim(),
      overrides,
      defaultModels: Object.fromEntries(Object.entries(models).filter(([, v]) => v)),
      fallbackIds: fallbacks,
      isDefault,
      ...(apiKey ? { apiKey } : {})
    }
    save.mutate(
      { id: existing?.id ?? null, provider },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('providers.saved') })
          onClose()
        },
        onError: (error) => notifyError(t, error)
      }
    )
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={existing ? existing.name : (preset?.name ?? kind)}
      size="lg"
      data-testid="provider-editor"
    >
      <Stack gap="sm">
        {preset && (
          <Text size="sm" c="dimmed">
            {t(`providers.presetHints.${preset.kind}`)}
          </Text>
        )}
        <TextInput
          label={t('providers.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('providers.baseURL')}
          value={baseURL}
          onChange={(e) => setBaseURL(e.currentTarget.value)}
          data-testid="provider-base-url"
        />
        {kind === 'azure' && (
          <>
            <TextInput
              label={t('providers.apiVersion')}
              value={apiVersion}
              onChange={(e) => setApiVersion(e.currentTarget.value)}
            />
            <Textarea
              label={t('providers.deployments')}
              value={deployments}
              onChange={(e) => setDeployments(e.currentTarget.value)}
              autosize
              minRows={2}
              placeholder="gpt-4o = my-gpt4o"
            />
          </>
        )}
        <PasswordInput
          label={t('providers.apiKey')}
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          placeholder={existing?.keySource === 'store' ? t('providers.apiKeyKeep') : 'sk-…'}
          autoComplete="off"
          data-testid="provider-api-key"
        />
        {!local && (
          <TextInput
            label={t('providers.proxy')}
            description={t('providers.proxyHint')}
            value={proxy}
            onChange={(e) => setProxy(e.currentTarget.value)}
          />
        )}
        <Text fw={500} size="sm" mt="xs">
          {t('providers.capabilities')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {CAPABILITIES.map((c) => (
            <Checkbox
              key={c}
              label={t(`providers.caps.${c}`)}
              checked={caps[c]}
              onChange={(e) => setCaps({ ...caps, [c]: e.currentTarget.checked })}
            />
          ))}
        </SimpleGrid>
        <Text fw={500} size="sm" mt="xs">
          {t('providers.defaultModels')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {TASKS.map((task) => (
            <Autocomplete
              key={task}
              label={t(`providers.tasks.${task}`)}
              data={choices}
              value={models[task] ?? ''}
              onChange={(value) => setModels({ ...models, [task]: value })}
            />
          ))}
        </SimpleGrid>
        {others.length > 0 && (
          <MultiSelect
            label={t('providers.fallbacks')}
            data={others.map((p) => ({ value: p.id, label: p.name }))}
            value={fallbacks}
            onChange={setFallbacks}
          />
        )}
        <Switch
          label={t('providers.makeDefault')}
          checked={isDefault}
          onChange={(e) => setIsDefault(e.currentTarget.checked)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="provider-save">
            {t('providers.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
