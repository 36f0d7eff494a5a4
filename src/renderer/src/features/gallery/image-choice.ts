import type { GalleryItem, GenerateInput, ImageModelOption } from '@shared/domain/gallery'

/** What the prompt bar holds: the prompt and every parameter, as remix fills them from an image. */
export interface ImageChoice {
  prompt: string
  model: string
  size: string
  quality: string
  background: string
  outputFormat: string
  outputCompression: number
  n: number
  moderation: string
  partialImages: number
}

export const DEFAULT_CHOICE: ImageChoice = {
  prompt: '',
  model: 'gpt-image-1',
  size: 'auto',
  quality: 'auto',
  background: 'auto',
  outputFormat: 'png',
  outputCompression: 90,
  n: 1,
  moderation: 'auto',
  partialImages: 2
}

/** The choice made valid for another model: values it does not take fall back to its first. */
export function fitChoice(choice: ImageChoice, option: ImageModelOption | undefined): ImageChoice {
  if (!option) return choice
  const pick = (value: string, allowed: string[], fallback: string) =>
    allowed.length === 0 ? fallback : allowed.includes(value) ? value : (allowed[0] ?? fallback)
  return {
    ...choice,
    size: pick(choice.size, option.sizes, 'auto'),
    quality: pick(choice.quality, option.qualities, 'auto'),
    background: pick(choice.background, option.backgrounds, 'auto'),
    outputFormat: pick(choice.outputFormat, option.formats, 'png'),
    n: Math.min(Math.max(1, choice.n), option.maxN)
  }
}

/** The request the choice makes, leaving out what this model has no use for. */
export function requestOf(choice: ImageChoice, option: ImageModelOption | undefined): GenerateInput {
  const fitted = fitChoice(choice, option)
  const gpt = option?.family === 'gpt-image'
  const lossy = fitted.outputFormat === 'jpeg' || fitted.outputFormat === 'webp'
  return {
    prompt: fitted.prompt,
    model: fitted.model,
    size: fitted.size,
    quality: option?.qualities.length ? fitted.quality : undefined,
    n: fitted.n,
    ...(gpt
      ? {
          background: fitted.background as GenerateInput['background'],
          outputFormat: fitted.outputFormat as GenerateInput['outputFormat'],
          outputCompression: lossy ? fitted.outputCompression : undefined,
          moderation: fitted.moderation as GenerateInput['moderation'],
          partialImages: fitted.n === 1 ? Math.min(fitted.partialImages, option?.maxPartialImages ?? 0) : 0
        }
      : {})
  }
}

/** Remix: the prompt bar filled with an image's prompt and parameters. */
export function choiceFromItem(item: GalleryItem): ImageChoice {
  const p = item.params
  const text = (key: string, fallback: string) => (typeof p[key] === 'string' ? (p[key] as string) : fallback)
  const num = (key: string, fallback: number) => (typeof p[key] === 'number' ? (p[key] as number) : fallback)
  return {
    prompt: item.prompt,
    model: item.model,
    size: text('size', DEFAULT_CHOICE.size),
    quality: text('quality', DEFAULT_CHOICE.quality),
    background: text('background', DEFAULT_CHOICE.background),
    outputFormat: text('outputFormat', DEFAULT_CHOICE.outputFormat),
    outputCompression: num('outputCompression', DEFAULT_CHOICE.outputCompression),
    n: num('n', 1),
    moderation: text('moderation', DEFAULT_CHOICE.moderation),
    partialImages: num('partialImages', DEFAULT_CHOICE.partialImages)
  }
}
