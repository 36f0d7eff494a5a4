import { Alert, Anchor, Box, Button, Drawer, Group, Stack, Text, Title } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconAdjustments, IconColumns, IconList, IconMessage } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'wouter'
import type { TurnSettings } from '@shared/domain/playground'
import { call } from '../../api/client'
import { useConversation } from '../../api/playground-hooks'
import { fromAsset } from './attachments'
import { ChatView } from './ChatView'
import type { Draft } from './Composer'
import { CompareView } from './CompareView'
import { ConversationList } from './ConversationList'
import { DEFAULT_SETTINGS } from './settings-model'
import { SettingsSidebar } from './SettingsSidebar'
import { useModelCatalog } from './useModelCatalog'

const EMPTY_DRAFT: Draft = { text: '', images: [] }

/** #/playground[/:id]: conversations, the chat (or a comparison) and the parameters; /image/:assetId starts with that image. */
export default function PlaygroundPage() {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const { first, second } = useParams<{ first?: string; second?: string }>()
  const conversationId = first && first !== 'image' ? first : null
  const imageAsset = first === 'image' ? (second ?? null) : null
  const conversation = useConversation(conversationId)
  const [settings, setSettings] = useState<TurnSettings>(DEFAULT_SETTINGS)
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [comparing, setComparing] = useState(false)
  const [listOpen, list] = useDisclosure(false)
  const [paramsOpen, params] = useDisclosure(false)
  const wide = useMediaQuery('(min-width: 1280px)', true)
  const roomy = useMediaQuery('(min-width: 1000px)', true)
  const catalog = useModelCatalog(settings.providerId)
  const loaded = conversation.data
  const [settingsOf, setSettingsOf] = useState<string | null>(null)
  if (loaded && loaded.id !== settingsOf) {
    // A conversation opens with the settings of its latest turn.
    setSettingsOf(loaded.id)
    setSettings(loaded.settings)
  }
  useEffect(() => {
    if (!imageAsset) return
    void call('library.get', { id: imageAsset }).then((asset) =>
      setDraft({ text: '', images: [fromAsset(asset)] })
    )
  }, [imageAsset])
  const open = (id: string | null) => {
    list.close()
    setComparing(false)
    if (!id) setDraft(EMPTY_DRAFT)
    navigate(id ? `/playground/${id}` : '/playground')
  }
  const listPanel = (
    <ConversationList
      selected={conversationId}
      onSelect={open}
      onNew={() => (setSettings(loaded?.settings ?? settings), open(null))}
    />
  )
  const sidebar = (
    <SettingsSidebar settings={settings} onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))} />
  )
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="page-playground">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={2}>{t('playground.title')}</Title>
          <Text size="sm" c="dimmed" visibleFrom="sm">
            {t('playground.subtitle')}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          {!wide && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconList size={14} />}
              onClick={list.open}
              data-testid="open-conversations"
            >
              {t('playground.panels.list')}
            </Button>
          )}
          {!roomy && !comparing && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconAdjustments size={14} />}
              onClick={params.open}
              data-testid="open-params"
            >
              {t('playground.panels.params')}
            </Button>
          )}
          <Button
            size="xs"
            variant={comparing ? 'filled' : 'light'}
            leftSection={comparing ? <IconMessage size={14} /> : <IconColumns size={14} />}
            onClick={() => setComparing(!comparing)}
            data-testid="toggle-compare"
          >
            {comparing ? t('playground.compare.close') : t('playground.compare.open')}
          </Button>
        </Group>
      </Group>
      {catalog.checked && !catalog.usable && (
        <Alert color="yellow" data-testid="no-provider">
          {t('playground.noProvider')}{' '}
          <Anchor component={Link} href="/settings">
            {t('playground.openSettings')}
          </Anchor>
        </Alert>
      )}
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        {wide && (
          <Box w={250} style={{ flexShrink: 0, minHeight: 0 }}>
            {listPanel}
          </Box>
        )}
        <Stack style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {comparing ? (
            <CompareView
              key={conversationId ?? 'new'}
              conversationId={conversationId}
              settings={settings}
              onPicked={(id, picked) => {
                setSettings(picked)
                setComparing(false)
                navigate(`/playground/${id}`)
              }}
            />
          ) : (
            <ChatView
              conversationId={conversationId}
              messages={loaded?.messages ?? []}
              settings={settings}
              draft={draft}
              onDraft={setDraft}
              onConversation={(id) => navigate(`/playground/${id}`)}
            />
          )}
        </Stack>
        {roomy && !comparing && (
          <Box w={wide ? 330 : 290} style={{ flexShrink: 0, minHeight: 0 }}>
            {sidebar}
          </Box>
        )}
      </Group>
      <Drawer opened={!wide && listOpen} onClose={list.close} title={t('playground.panels.list')} size={300}>
        <Box h="80vh">{listPanel}</Box>
      </Drawer>
      <Drawer
        opened={!roomy && paramsOpen}
        onClose={params.close}
        position="right"
        title={t('playground.panels.params')}
        size={340}
      >
        {sidebar}
      </Drawer>
    </Stack>
  )
}
