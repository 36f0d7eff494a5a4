import { ActionIcon, Group, Kbd, Modal, Stack, Table, Text, Tooltip } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconKeyboard } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)
const MOD = isMac ? '⌘' : 'Ctrl'

/** Every shortcut the app answers, in one list: Ctrl+/ or ? opens it, and so does the header button. */
const SHORTCUTS: { keys: string[]; labelKey: string; whereKey: string }[] = [
  { keys: [MOD, 'K'], labelKey: 'shortcuts.search', whereKey: 'nav.library' },
  { keys: [MOD, 'O'], labelKey: 'shortcuts.import', whereKey: 'nav.library' },
  { keys: ['Enter'], labelKey: 'shortcuts.open', whereKey: 'nav.library' },
  { keys: ['Esc'], labelKey: 'shortcuts.close', whereKey: 'shortcuts.anywhere' },
  { keys: [MOD, '/'], labelKey: 'shortcuts.list', whereKey: 'shortcuts.anywhere' }
]

export function ShortcutsDialog() {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  useHotkeys([
    ['mod+/', open],
    ['shift+?', open]
  ])
  return (
    <>
      <Tooltip label={`${t('shortcuts.title')} (${MOD} /)`}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('shortcuts.title')}
          onClick={open}
          data-testid="shortcuts-button"
        >
          <IconKeyboard size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal
        opened={opened}
        onClose={close}
        title={t('shortcuts.title')}
        centered
        data-testid="shortcuts-dialog"
      >
        <Table withRowBorders={false} verticalSpacing={6}>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.labelKey}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {s.keys.map((key) => (
                      <Kbd key={key}>{key}</Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{t(s.labelKey)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(s.whereKey)}
                    </Text>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  )
}
