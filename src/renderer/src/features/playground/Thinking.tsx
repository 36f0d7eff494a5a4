import { Collapse, Paper, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBulb, IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Markdown } from './Markdown'

/** The reasoning summary, folded by default like a "thinking" block. */
export function Thinking({ summary }: { summary: string }) {
  const { t } = useTranslation()
  const [open, toggle] = useDisclosure(false)
  return (
    <Paper withBorder p={6} radius="sm" data-testid="thinking">
      <UnstyledButton onClick={toggle.toggle} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        <IconBulb size={14} />
        <Text size="xs" fw={600}>
          {t('playground.message.thinking')}
        </Text>
      </UnstyledButton>
      <Collapse expanded={open}>
        <div style={{ paddingTop: 6, opacity: 0.85 }}>
          <Markdown text={summary} />
        </div>
      </Collapse>
    </Paper>
  )
}
