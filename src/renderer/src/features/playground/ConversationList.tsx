import { Button, Group, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPin, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversations } from '../../api/playground-hooks'
import { ConversationMenu } from './ConversationMenu'

/** Conversations (pinned first, then the latest), searched by what was said in them. */
export function ConversationList({
  selected,
  onSelect,
  onNew
}: {
  selected: string | null
  onSelect: (id: string | null) => void
  onNew: () => void
}) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  const list = useConversations(query)
  const items = list.data ?? []
  return (
    <Stack gap="xs" h="100%" data-testid="conversation-list">
      <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onNew} data-testid="new-conversation">
        {t('playground.newConversation')}
      </Button>
      <TextInput
        size="xs"
        leftSection={<IconSearch size={14} />}
        placeholder={t('playground.searchConversations')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="conversation-search"
      />
      <ScrollArea style={{ flex: 1 }} type="auto">
        {items.length === 0 && !list.isPending && (
          <Text size="xs" c="dimmed" p="xs" data-testid="conversations-empty">
            {query ? t('playground.noMatch') : t('playground.noConversations')}
          </Text>
        )}
        {items.map((c) => (
          <NavLink
            key={c.id}
            active={c.id === selected}
            onClick={() => onSelect(c.id)}
            label={
              <Group gap={4} wrap="nowrap">
                {c.pinned && <IconPin size={12} />}
                <Text size="sm" truncate>
                  {c.title}
                </Text>
              </Group>
            }
            description={c.snippet ?? t('playground.messages', { count: c.messageCount })}
            rightSection={
              <ConversationMenu conversation={c} onDeleted={() => c.id === selected && onSelect(null)} />
            }
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            data-testid="conversation-item"
            data-id={c.id}
          />
        ))}
      </ScrollArea>
    </Stack>
  )
}
