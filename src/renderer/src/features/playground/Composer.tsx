import { ActionIcon, Button, CloseButton, Group, Image, Paper, Stack, Textarea, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPhotoPlus, IconPlayerStopFilled, IconSend } from '@tabler/icons-react'
import { useState, type ClipboardEvent, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fromFiles, type Attachment } from './attachments'
import { LibraryImagePicker } from './LibraryImagePicker'

export interface Draft {
  text: string
  images: Attachment[]
}

/** The message being written, with images from the library, pasted or dropped; kept until it is sent. */
export function Composer({
  draft,
  onChange,
  onSend,
  onStop,
  busy
}: {
  draft: Draft
  onChange: (draft: Draft) => void
  onSend: () => void
  onStop: () => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const [picking, picker] = useDisclosure(false)
  const [dragging, setDragging] = useState(false)
  const add = (more: Attachment[]) => onChange({ ...draft, images: [...draft.images, ...more] })
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files]
    if (files.some((f) => f.type.startsWith('image/'))) void fromFiles(files).then(add)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void fromFiles(e.dataTransfer.files).then(add)
  }
  const canSend = !busy && (draft.text.trim() !== '' || draft.images.length > 0)
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={dragging ? { outline: '2px dashed var(--mantine-color-blue-5)' } : undefined}
      data-testid="composer"
    >
      <Stack gap={6}>
        {draft.images.length > 0 && (
          <Group gap={6}>
            {draft.images.map((img, i) => (
              <div key={i} style={{ position: 'relative' }} data-testid="attachment">
                <Image src={img.preview} w={56} h={56} fit="cover" radius="sm" alt="" />
                <CloseButton
                  size="xs"
                  aria-label={t('playground.composer.removeImage')}
                  style={{ position: 'absolute', top: -6, right: -6 }}
                  onClick={() => onChange({ ...draft, images: draft.images.filter((_, j) => j !== i) })}
                />
              </div>
            ))}
          </Group>
        )}
        <Textarea
          value={draft.text}
          onChange={(e) => onChange({ ...draft, text: e.currentTarget.value })}
          onPaste={onPaste}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              if (canSend) onSend()
            }
          }}
          placeholder={dragging ? t('playground.composer.dropHere') : t('playground.composer.placeholder')}
          autosize
          minRows={2}
          maxRows={10}
          variant="unstyled"
          data-testid="composer-input"
        />
        <Group justify="space-between">
          <Tooltip label={t('playground.composer.attach')}>
            <ActionIcon
              variant="subtle"
              onClick={picker.open}
              aria-label={t('playground.composer.attach')}
              data-testid="attach-image"
            >
              <IconPhotoPlus size={18} />
            </ActionIcon>
          </Tooltip>
          {busy ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconPlayerStopFilled size={14} />}
              onClick={onStop}
              data-testid="stop"
            >
              {t('playground.composer.stop')}
            </Button>
          ) : (
            <Button
              size="xs"
              leftSection={<IconSend size={14} />}
              onClick={onSend}
              disabled={!canSend}
              data-testid="send"
            >
              {t('playground.composer.send')}
            </Button>
          )}
        </Group>
      </Stack>
      <LibraryImagePicker opened={picking} onClose={picker.close} onPick={(a) => add([a])} />
    </Paper>
  )
}
