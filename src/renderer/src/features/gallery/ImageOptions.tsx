import { Group, NumberInput, Select, Switch } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImageModelOption } from '@shared/domain/gallery'
import type { ImageChoice } from './image-choice'

interface Props {
  choice: ImageChoice
  option: ImageModelOption | undefined
  models: ImageModelOption[]
  onChange: (patch: Partial<ImageChoice>) => void
  /** Edits choose a model and size but not how many drawn-while-streaming previews. */
  compact?: boolean
}

/** The model and the parameters it takes; anything the model does not take is not offered. */
export function ImageOptions({ choice, option, models, onChange, compact }: Props) {
  const { t } = useTranslation()
  const label = (value: string) => t(`gallery.values.${value}`, { defaultValue: value })
  const gpt = option?.family === 'gpt-image'
  const lossy = choice.outputFormat === 'jpeg' || choice.outputFormat === 'webp'
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="image-options">
      <Select
        label={t('gallery.model')}
        data={models.map((m) => m.model)}
        value={choice.model}
        onChange={(value) => value && onChange({ model: value })}
        allowDeselect={false}
        w={150}
        size="xs"
        data-testid="image-model"
      />
      <Select
        label={t('gallery.size')}
        data={(option?.sizes ?? ['auto']).map((s) => ({
          value: s,
          label: s === 'auto' ? label('auto') : s.replace('x', '×')
        }))}
        value={choice.size}
        onChange={(value) => value && onChange({ size: value })}
        allowDeselect={false}
        w={120}
        size="xs"
        data-testid="image-size"
      />
      {option && option.qualities.length > 1 && (
        <Select
          label={t('gallery.quality')}
          data={option.qualities.map((q) => ({ value: q, label: label(q) }))}
          value={choice.quality}
          onChange={(value) => value && onChange({ quality: value })}
          allowDeselect={false}
          w={110}
          size="xs"
          data-testid="image-quality"
        />
      )}
      {gpt && (
        <Select
          label={t('gallery.background')}
          data={option.backgrounds.map((b) => ({ value: b, label: label(b) }))}
          value={choice.background}
          onChange={(value) => value && onChange({ background: value })}
          allowDeselect={false}
          w={120}
          size="xs"
          data-testid="image-background"
        />
      )}
      {gpt && (
        <Select
          label={t('gallery.format')}
          data={option.formats.map((f) => ({ value: f, label: f.toUpperCase() }))}
          value={choice.outputFormat}
          onChange={(value) => value && onChange({ outputFormat: value })}
          allowDeselect={false}
          w={90}
          size="xs"
          data-testid="image-format"
        />
      )}
      {gpt && lossy && (
        <NumberInput
          label={t('gallery.compression')}
          value={choice.outputCompression}
          onChange={(value) => onChange({ outputCompression: Number(value) || 0 })}
          min={0}
          max={100}
          w={100}
          size="xs"
          suffix=" %"
        />
      )}
      <NumberInput
        label={t('gallery.count')}
        value={choice.n}
        onChange={(value) => onChange({ n: Math.max(1, Number(value) || 1) })}
        min={1}
        max={option?.maxN ?? 1}
        w={80}
        size="xs"
        disabled={(option?.maxN ?? 1) === 1}
        data-testid="image-n"
      />
      {gpt && (
        <Select
          label={t('gallery.moderation')}
          data={['auto', 'low'].map((m) => ({ value: m, label: label(m) }))}
          value={choice.moderation}
          onChange={(value) => value && onChange({ moderation: value })}
          allowDeselect={false}
          w={100}
          size="xs"
        />
      )}
      {gpt && !compact && (
        <Switch
          label={t('gallery.streaming')}
          checked={choice.partialImages > 0}
          disabled={choice.n > 1}
          onChange={(e) => onChange({ partialImages: e.currentTarget.checked ? 2 : 0 })}
          size="xs"
          mb={6}
        />
      )}
    </Group>
  )
}
