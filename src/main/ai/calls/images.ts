import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import type { OpenAI } from 'openai'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult } from '../executor'
import { modelTraits, sanitizeImageParams, type ImageBody } from '../model-traits'
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
  /** Edits: the source images (and an optional mask). */
  images?: string[]
  mask?: string
}

export interface GeneratedImages {
  images: Buffer[]
  revisedPrompt: string | null
}

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
      run: async ({ client, model, signal }) => {
        const base = sanitizeImageParams(
          {
            model,
            prompt: request.prompt,
            size: request.size,
            quality: request.quality,
            n: request.n,
            background: request.background,
            output_format: request.outputFormat
          },
          request.model
        )
        const call = request.images?.length
          ? client.images.edit(await editBody(base, request.images, request.mask), { signal })
          : client.images.generate(base, { signal })
        const { data: body, request_id } = await call.withResponse()
        const images = (body.data ?? []).flatMap((d) =>
          d.b64_json ? [Buffer.from(d.b64_json, 'base64')] : []
        )
        if (images.length === 0) throw new AppError('AI_BAD_RESPONSE', 'The provider returned no image data.')
        return {
          value: { images, revisedPrompt: body.data?.[0]?.revised_prompt ?? null },
          usage: imageUsage(body.usage, request.model, images.length),
          requestId: request_id ?? null
        }
      }
    },
    ctx
  )
}

/** An edit takes the generation's parameters plus the source images and the mask as uploads. */
async function editBody(
  base: ImageBody,
  images: string[],
  mask: string | undefined
): Promise<OpenAI.Images.ImageEditParamsNonStreaming> {
  const { style: _notForEdits, response_format, size, quality, ...rest } = base
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
