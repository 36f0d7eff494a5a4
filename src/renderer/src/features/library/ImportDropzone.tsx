import { Group, Stack, Text } from '@mantine/core'
import { Dropzone } from '@mantine/dropzone'
import { IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** A full-window drop target that appears only while files are dragged over the app. */
export function ImportDropzone({ onDrop }: { onDrop: (files: File[]) => void }) {
  const { t } = useTranslation()
  return (
    // Drag and drop only: a hidden full-window target must never take keyboard focus.
    <Dropzone.FullScreen
      onDrop={onDrop}
      activateOnClick={false}
      activateOnKeyboard={false}
      multiple
      data-testid="import-dropzone"
    >
      <Group justify="center" mih={240} style={{ pointerEvents: 'none' }}>
        <IconUpload size={48} stroke={1.4} />
        <Stack gap={4}>
          <Text size="xl" fw={600}>
            {t('library.dropTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('library.dropHint')}
          </Text>
        </Stack>
      </Group>
    </Dropzone.FullScreen>
  )
}
