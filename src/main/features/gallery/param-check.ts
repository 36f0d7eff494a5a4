import { imageRules, type EditMode, type ImageModelRules, type ImageParams } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'

/** The parameters as they will be sent: checked against the model's rules before anything is paid. */
export interface CheckedParams {
  size: string
  quality: string | undefined
  background: 'auto' | 'transparent' | 'opaque' | undefined
  outputFormat: 'png' | 'jpeg' | 'webp' | undefined
  outputCompression: number | undefined
  n: number
  moderation: 'auto' | 'low' | undefined
  partialImages: number
}

export function rulesFor(model: string): ImageModelRules {
  const rules = imageRules(model)
  if (!rules)
    throw new AppError(
      'VALIDATION_FAILED',
      `${model} is not an image model. Pick gpt-image-1, dall-e-3 or dall-e-2.`
    )
  return rules
}

/**
 * Refuses what the model does not take (a size, a quality, too many images, a mask for DALL·E 3),
 * naming what it does take; drops options the model has no use for.
 */
export function checkParams(
  model: string,
  params: ImageParams,
  operation: 'generate' | EditMode,
  prompt: string
): CheckedParams {
  const rules = rulesFor(model)
  const size = params.size === 'auto' && !rules.sizes.includes('auto') ? rules.sizes[0] : params.size
  if (!size || !rules.sizes.includes(size))
    throw new AppError(
      'VALIDATION_FAILED',
      `${model} does not make ${params.size} images. Sizes it makes: ${rules.sizes.join(', ')}.`,
      { allowedSizes: rules.sizes }
    )
  if (params.quality && !rules.qualities.includes(params.quality))
    throw new AppError(
      'VALIDATION_FAILED',
      `${model} has no quality “${params.quality}”. Its qualities: ${rules.qualities.join(', ')}.`,
      { allowedQualities: rules.qualities }
    )
  if (params.n > rules.maxN)
    throw new AppError('VALIDATION_FAILED', `${model} makes at most ${rules.maxN} image(s) per request.`, {
      maxN: rules.maxN
    })
  if (prompt.length > rules.maxPromptChars)
    throw new AppError(
      'VALIDATION_FAILED',
      `The prompt is ${prompt.length} characters; ${model} takes at most ${rules.maxPromptChars}.`
    )
  if (operation === 'edit' && rules.maxEditImages === 0)
    throw new AppError('VALIDATION_FAILED', `${model} cannot edit images. Use gpt-image-1 or dall-e-2.`)
  if (operation === 'variation' && !rules.variations)
    throw new AppError('VALIDATION_FAILED', 'Variations are made by dall-e-2 only.')
  if (params.outputFormat && !rules.formats.includes(params.outputFormat))
    throw new AppError('VALIDATION_FAILED', `${model} returns PNG only.`)
  if (params.background === 'transparent' && params.outputFormat === 'jpeg')
    throw new AppError(
      'VALIDATION_FAILED',
      'JPEG has no transparency: choose PNG or WebP for a transparent background.'
    )
  const format = rules.formats.length > 1 ? params.outputFormat : undefined
  return {
    size,
    quality: params.quality,
    background: rules.backgrounds.length > 0 ? params.background : undefined,
    outputFormat: format,
    // The API takes a compression level for JPEG and WebP only.
    outputCompression: rules.compression && format && format !== 'png' ? params.outputCompression : undefined,
    n: params.n,
    moderation: rules.moderation ? params.moderation : undefined,
    partialImages: params.n === 1 ? Math.min(params.partialImages, rules.maxPartialImages) : 0
  }
}

/** Only the parameters that were set, as stored with the run and shown in the detail panel. */
export function paramsRecord(params: CheckedParams): Record<string, unknown> {
  // No partial images is the default, not a parameter worth keeping.
  return Object.fromEntries(
    Object.entries(params).filter(([k, v]) => v !== undefined && !(k === 'partialImages' && v === 0))
  )
}
