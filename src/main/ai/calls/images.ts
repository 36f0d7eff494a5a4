import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import type { OpenAI } from 'openai'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult, RunArgs } from '../executor'
import { perImageFactor } from '../image-prices'
import { modelTraits, sanitizeImageParams, type ImageBody } from '../model-traits'
import { DEFAULT_INACTIVITY_MS, watchStream } from '../stream-watchdog'
import { fromResponsesUsage, NO_USAGE, type UsageFields } from '../usage-parse'
import { openaiSdk } from '../openai-sdk'

export interface ImageRequest {
  model: string
  prompt: string
  size?: ImageBody['size']
  quality?: ImageBody['quality']
  n?: number
  background?: 'transparent' | 'opaque' | 'auto'
  outputFormat?: 'png' | 'jpeg' | 'webp'
  outputCompression?: number
  moderation?: 'auto' | 'low'
  /** Edits: the source images (and an optional mask). */
  images?: string[]
  mask?: string
  /** DALL·E 2: variations of the one source image (no prompt). */
  variation?: boolean
  /** GPT image models: partial images while drawing, handed to onPartialImage. */
  partialImages?: number
  onPartialImage?: (partial: { b64: string; index: number }) => void
}

export interface GeneratedImages {
  /** Base64 as the provider sent it: the caller checks it decodes before storing anything. */
  images: string[]
  revisedPrompt: string | null
}

type ImagesResponse = OpenAI.Images.ImagesResponse

export async function generateImages(
  exec: AiExecutor,
  request: ImageRequest,
  ctx: CallContext
): Promise<CallResult<GeneratedImages>> {
  return exec.execute(
    {
      api: 'images',
      model: request.model,
      needs: ['imageGeneration'],
      run: async (args) => {
        const { body, requestId } = await send(args, request)
        const images = (body.data ?? []).flatMap((d) => (d.b64_json ? [d.b64_json] : []))
        if (images.length === 0) throw new AppError('AI_BAD_RESPONSE', 'The provider returned no image data.')
        return {
          value: { images, revisedPrompt: body.data?.[0]?.revised_prompt ?? null },
          usage: imageUsage(body.usage, request.model, images.length),
          requestId,
          perImageFactor: perImageFactor(request.model, request.size, request.quality)
        }
      }
    },
    ctx
  )
}

async function send(
  { client, model, signal, attempt, abort, inactivityMs }: RunArgs,
  request: ImageRequest
): Promise<{ body: ImagesResponse; requestId: string | null }> {
  const base = sanitizeImageParams(
    {
      model,
      prompt: request.prompt,
      size: request.size,
      quality: request.quality,
      n: request.n,
      background: request.background,
      output_format: request.outputFormat,
      output_compression: request.outputCompression,
      moderation: request.moderation
    },
    request.model
  )
  if (request.variation) {
    const [source] = request.images ?? []
    if (!source) throw new AppError('VALIDATION_FAILED', 'A variation needs one source image.')
    const { data, request_id } = await client.images
      .createVariation(
        {
          model,
          image: await upload(source),
          n: base.n,
          size: base.size as OpenAI.Images.ImageCreateVariationParams['size'],
          response_format: 'b64_json'
        },
        { signal }
      )
      .withResponse()
    return { body: data, requestId: request_id ?? null }
  }
  const streams = (request.partialImages ?? 0) > 0 && modelTraits(request.model).imageModel === 'gpt-image'
  if (streams) {
    const partial = { stream: true as const, partial_images: request.partialImages }
    const call = request.images?.length
      ? client.images.edit(
          { ...(await editBody(base, request.images, request.mask)), ...partial },
          { signal }
        )
      : client.images.generate({ ...base, ...partial }, { signal })
    const { data: events, request_id } = await call.withResponse()
    const body = await readImageStream(events, request, { attempt, abort, inactivityMs })
    return { body, requestId: request_id ?? null }
  }
  const call = request.images?.length
    ? client.images.edit(await editBody(base, request.images, request.mask), { signal })
    : client.images.generate(base, { signal })
  const { data, request_id } = await call.withResponse()
  return { body: data, requestId: request_id ?? null }
}

type StreamEvent = OpenAI.Images.ImageGenStreamEvent | OpenAI.Images.ImageEditStreamEvent

/** Partial images go to the caller as they come; the completed events make the usual response. */
async function readImageStream(
  events: AsyncIterable<StreamEvent>,
  request: ImageRequest,
  args: Pick<RunArgs, 'attempt' | 'abort' | 'inactivityMs'>
): Promise<ImagesResponse> {
  const data: { b64_json: string }[] = []
  let usage: ImagesResponse['usage']
  for await (const event of watchStream(events, args.inactivityMs ?? DEFAULT_INACTIVITY_MS, args.abort)) {
    if (event.type === 'image_generation.partial_image' || event.type === 'image_edit.partial_image')
      request.onPartialImage?.({ b64: event.b64_json, index: event.partial_image_index })
    if (event.type === 'image_generation.completed' || event.type === 'image_edit.completed') {
      data.push({ b64_json: event.b64_json })
      usage = addUsage(usage, event.usage as ImagesResponse['usage'])
    }
  }
  if (data.length === 0)
    throw new AppError('AI_STREAM_INTERRUPTED', 'The image stream ended before the image was complete.')
  return { created: Math.floor(Date.now() / 1000), data, usage }
}

function addUsage(a: ImagesResponse['usage'], b: ImagesResponse['usage']): ImagesResponse['usage'] {
  if (!a) return b
  if (!b) return a
  return {
    ...a,
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    total_tokens: a.total_tokens + b.total_tokens
  }
}

/** An edit takes the generation's parameters plus the source images and the mask as uploads. */
async function editBody(
  base: ImageBody,
  images: string[],
  mask: string | undefined
): Promise<OpenAI.Images.ImageEditParamsNonStreaming> {
  const { style: _notForEdits, response_format, size, quality, moderation: _notForEdits2, ...rest } = base
  return {
    ...rest,
    // Edits accept fewer sizes and qualities than generations: the API says which when one is refused.
    size: size as OpenAI.Images.ImageEditParams['size'],
    quality: quality as OpenAI.Images.ImageEditParams['quality'],
    ...(response_format ? { response_format } : {}),
    image: await Promise.all(images.map(upload)),
    ...(mask ? { mask: await upload(mask) } : {})
  }
}

function upload(path: string) {
  return openaiSdk().toFile(createReadStream(path), basename(path))
}

/** GPT image models report tokens; DALL·E is billed per image. */
function imageUsage(usage: object | undefined, model: string, count: number): UsageFields {
  if (modelTraits(model).imageModel === 'gpt-image' && usage) return fromResponsesUsage(usage)
  return { ...NO_USAGE, images: count }
}
