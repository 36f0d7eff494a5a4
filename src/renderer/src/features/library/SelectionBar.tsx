import { Button, Group, Paper, Text } from '@mantine/core'
import { IconTableExport, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { Asset } from '@shared/domain/asset'

/** What can be done with the picked files at once: rows from the images, or let go of them. */
export function SelectionBar({ picked, onClear }: { picked: Asset[]; onClear: () => void }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  if (picked.length === 0) return null
  const images = picked.filter((a) => a.kind === 'image')
  return (
    <Paper withBorder p="xs" data-testid="selection-bar">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={500}>
          {t('library.picked', { count: picked.length })}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconTableExport size={16} />}
            disabled={images.length === 0}
            onClick={() => navigate(`/images?assets=${images.map((a) => a.id).join(',')}`)}
            data-testid="extract-picked"
          >
            {t('library.extractPicked', { count: images.length })}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={onClear}>
            {t('library.clearPicked')}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
