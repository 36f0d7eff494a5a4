import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core'
import { IconDots } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationSummary } from '@shared/domain/playground'
import { call } from '../../api/client'
import { useConversationActions } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'

/** Rename, pin, export (Markdown or JSON) and delete one conversation. */
export function ConversationMenu({
  conversation,
  onDeleted
}: {
  conversation: ConversationSummary
  onDeleted: () => void
}) {
  const { t } = useTranslation()
  const actions = useConversationActions()
  const [renaming, setRenaming] = useState<string | null>(null)
  const [deleting, setDeleting] = useState(false)
  const onError = (error: unknown) => notifyError(t, error)
  const download = async (format: 'md' | 'json') => {
    try {
      const file = await call('playground.export', { id: conversation.id, format })
      const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }))
      const a = Object.assign(document.createElement('a'), { href: url, download: file.filename })
      a.click()
      URL.revokeObjectURL(url)
    } catch (error) {
      onError(error)
    }
  }
  const id = conversation.id
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={t('playground.actions.rename')}
            onClick={(e) => e.stopPropagation()}
            data-testid="conversation-menu"
          >
            <IconDots size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
          <Menu.Item onClick={() => setRenaming(conversation.title)} data-testid="menu-rename">
            {t('playground.actions.rename')}
          </Menu.Item>
          <Menu.Item
            onClick={() => actions.pin.mutate({ id, pinned: !conversation.pinned }, { onError })}
            data-testid="menu-pin"
          >
            {conversation.pinned ? t('playground.actions.unpin') : t('playground.actions.pin')}
          </Menu.Item>
          <Menu.Item onClick={() => void download('md')}>{t('playground.actions.exportMd')}</Menu.Item>
          <Menu.Item onClick={() => void download('json')}>{t('playground.actions.exportJson')}</Menu.Item>
          <Menu.Item color="red" onClick={() => setDeleting(true)} data-testid="menu-delete">
            {t('playground.actions.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={t('playground.actions.renameTitle')}
      >
        <Stack gap="sm">
          <TextInput
            value={renaming ?? ''}
            onChange={(e) => setRenaming(e.currentTarget.value)}
            data-autofocus
            data-testid="rename-input"
          />
          <Button
            disabled={!renaming?.trim()}
            onClick={() =>
              actions.rename.mutate(
                { id, title: (renaming ?? '').trim() },
                { onSuccess: () => setRenaming(null), onError }
              )
            }
            data-testid="rename-save"
          >
            {t('playground.actions.save')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('playground.actions.delete')}>
        <Text size="sm">{t('playground.actions.confirmDelete')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('playground.actions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() =>
              actions.remove.mutate(id, {
                onSuccess: () => {
                  setDeleting(false)
                  onDeleted()
                },
                onError
              })
            }
            data-testid="confirm-delete"
          >
            {t('playground.actions.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
