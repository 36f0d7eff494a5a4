import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Image,
  Modal,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea
} from '@mantine/core'
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditInput, EditMode, ImageModelOption } from '@shared/domain/gallery'
import { errorInfo } from '../../api/client'
import { formatUsd } from '@shared/format'
import { useEditImage, useImageEstimate, useImageModels } from '../../api/gallery-hooks'
import { useLibrary } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'
import { errorText } from '../../i18n/error-text'
import { DEFAULT_CHOICE, fitChoice, requestOf, type ImageChoice } from './image-choice'
import { ImageOptions } from './ImageOptions'
import { MaskCanvas, type MaskCanvasHandle } from './MaskCanvas'

/** The image an edit starts from: a generated image or any library photo. */
export interface EditTarget {
  assetId: string
  path: string
  width: number
  height: number
  model?: string
  params?: Record<string, unknown>
}

interface Props {
  target: EditTarget
  onClose: () => void
  onStarted: (run: { runId: string; jobId: string }) => void
}

/** Which models can do this kind of edit. */
function modelsFor(mode: EditMode, models: ImageModelOption[]): ImageModelOption[] {
  if (mode === 'variation') return models.filter((m) => m.variations)
  if (mode === 'conversation') return models.filter((m) => m.family === 'gpt-image')
  return models.filter((m) => m.maxEditImages > 0)
}

/** Edit with a painted mask and reference images, continue a conversation of edits, or make variations. */
export function EditDialog({ target, onClose, onStarted }: Props) {
  const { t } = useTranslation()
  const narrow = useMediaQuery('(max-width: 900px)')
  const mask = useRef<MaskCanvasHandle>(null)
  const models = useImageModels()
  const [mode, setMode] = useState<EditMode>('edit')
  const usable = modelsFor(mode, models.data ?? [])
  const [choice, setChoice] = useState<ImageChoice>({
    ...DEFAULT_CHOICE,
    model: target.model && target.model.startsWith('gpt-image') ? target.model : 'gpt-image-1',
    partialImages: 0
  })
  const option = usable.find((m) => m.model === choice.model) ?? usable[0]
  const fitted = fitChoice({ ...choice, model: option?.model ?? choice.model }, option)
  const [references, setReferences] = useState<string[]>([])
  const edit = useEditImage()
  const maxRefs = mode === 'edit' ? Math.max(0, (option?.maxEditImages ?? 1) - 1) : 0

  const input: EditInput = {
    ...requestOf(fitted, option),
    source: { assetId: target.assetId },
    prompt: mode === 'variation' ? '' : fitted.prompt,
    mode,
    references: references.slice(0, maxRefs).map((assetId) => ({ assetId }))
  }
  const [debounced] = useDebouncedValue(input, 300)
  const estimate = useImageEstimate(option && (mode === 'variation' || debounced.prompt) ? debounced : null)
  const send = () => {
    const pngBase64 = mode === 'edit' && option?.masks ? mask.current?.exportMask() : null
    edit.mutate(
      { ...input, mask: pngBase64 ? { pngBase64 } : undefined },
      {
        onSuccess: (run) => {
          onStarted(run)
          onClose()
        }
      }
    )
  }
  const problem = edit.error ? errorText(t, errorInfo(edit.error)) : null
  const src = mediaUrl(target.path) ?? ''
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('gallery.editor.title')}
      size={narrow ? '100%' : 1100}
      fullScreen={narrow}
      // Above the details drawer it may be opened from in narrow windows.
      zIndex={400}
      data-testid="edit-dialog"
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {mode === 'edit' && option?.masks ? (
            <MaskCanvas ref={mask} src={src} width={target.width} height={target.height} />
          ) : (
            <Image src={src} alt="" fit="contain" mah={520} className="fw-thumb-checker" />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value as EditMode)}
              data={(['edit', 'conversation', 'variation'] as const).map((m) => ({
                value: m,
                label: t(`gallery.editor.modes.${m}`)
              }))}
              fullWidth
              data-testid="edit-mode"
            />
            <Text size="xs" c="dimmed">
              {t(`gallery.editor.modeHints.${mode}`)}
            </Text>
            {mode !== 'variation' && (
              <Textarea
                label={t('gallery.editor.prompt')}
                autosize
                minRows={2}
                maxRows={6}
                value={choice.prompt}
                onChange={(e) => setChoice({ ...choice, prompt: e.currentTarget.value })}
                data-testid="edit-prompt"
              />
            )}
            <ImageOptions
              choice={fitted}
              option={option}
              models={usable}
              onChange={(patch) => setChoice({ ...choice, ...patch })}
              compact
            />
            {maxRefs > 0 && (
              <References
                exclude={target.assetId}
                max={maxRefs}
                selected={references}
                onChange={setReferences}
              />
            )}
            {problem && (
              <Alert color="red" title={problem.title} py={6} data-testid="edit-problem">
                {problem.detail}
              </Alert>
            )}
            {estimate.data && (
              <Text size="xs" c="dimmed" data-testid="edit-estimate">
                {estimate.data.basis === 'unknown'
                  ? t('gallery.noPrice')
                  : t('gallery.estimate', {
                      count: estimate.data.images,
                      cost: formatUsd(estimate.data.costUsd),
                      basis: t(`gallery.basis.${estimate.data.basis}`)
                    })}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('gallery.editor.cancel')}
              </Button>
              <Button
                onClick={send}
                loading={edit.isPending}
                disabled={!option || (mode !== 'variation' && !choice.prompt.trim())}
                data-testid="edit-send"
              >
                {t('gallery.editor.send')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Modal>
  )
}

/** Other library images to send along, up to what the model takes. */
function References({
  exclude,
  max,
  selected,
  onChange
}: {
  exclude: string
  max: number
  selected: string[]
  onChange: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  const library = useLibrary('', 'image')
  const images = (library.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((a) => a.id !== exclude)
    .slice(0, 48)
  const toggle = (id: string) =>
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id].slice(-max))
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('gallery.editor.references')}
      </Text>
      <Text size="xs" c="dimmed">
        {images.length === 0
          ? t('gallery.editor.noReferences')
          : t('gallery.editor.referencesHint', { count: max })}
      </Text>
      {images.length > 0 && (
        <ScrollArea.Autosize mah={150}>
          <SimpleGrid cols={6} spacing={4} data-testid="edit-references">
            {images.map((asset) => (
              <Checkbox.Card
                key={asset.id}
                checked={selected.includes(asset.id)}
                onChange={() => toggle(asset.id)}
                p={2}
                radius="sm"
                aria-label={asset.name}
                style={
                  selected.includes(asset.id)
                    ? { outline: '2px solid var(--mantine-primary-color-filled)' }
                    : undefined
                }
              >
                <Image src={mediaUrl(asset.thumb.path ?? asset.path)} h={48} fit="cover" radius={2} alt="" />
              </Checkbox.Card>
            ))}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
    </Stack>
  )
}
