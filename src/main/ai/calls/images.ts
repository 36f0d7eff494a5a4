import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { toFile } from 'openai'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult } from '../executor'
import { modelTraits, sanitizeImageParams } from '../model-traits'
import { fromResponsesUsage, NO_USAGE, type UsageFields } from '../usage-parse'

export interface ImageRequest {
  model: string
  prompt: string
  size?: string
  quality?: string
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
          ? client.images.edit(
              {
                ...base,
                image: await Promise.all(request.images.map(upload)),
                ...(request.mask ? { mask: await upload(request.mask) } : {})
              } as never,
              { signal }
            )
          : client.images.generate(base as never, { signal })
        const { data, request_id } = await call.withResponse()
        const body = data as unknown as {
          data?: { b64_json?: string; revised_prompt?: string }[]
          usage?: unknown
        }
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

function upload(path: string) {
  return toFile(createReadStream(path), basename(path))
}

/** GPT image models report tokens; DALL·E is billed per image. */
function imageUsage(usage: unknown, model: string, count: number): UsageFields {
  if (modelTraits(model).imageModel === 'gpt-image' && usage) return fromResponsesUsage(usage as never)
  return { ...NO_USAGE, images: count }
}
