import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type OpenAI from 'openai'
import { CONVERSATION_MODEL, imageFamily, type ImageUsage } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import { estimateImageCost } from '../../ai/image-prices'
import type { PriceService } from '../../ai/price-service'
import type { UsageFields } from '../../ai/usage-parse'
import { inputImageDataUrl, sendableImage, squarePng } from '../../media/image/image-edit-prep'
import type { CheckedParams } from './param-check'
import type { StoredRun } from './runs-repo'

export interface RequestFiles {
  /** Source first, then references: absolute paths of library files. */
  images: string[]
  mask: string | null
}

export interface RequestAnswer {
  images: string[]
  revisedPrompt: string | null
  responseId: string | null
  usage: ImageUsage
  costUsd: number
  requestId: string | null
}

export interface ImageRequestDeps {
  ai: AiService
  prices: PriceService
}

/** Sends one run to the provider the way its operation needs: Images API, or the Responses tool. */
export async function sendRun(
  deps: ImageRequestDeps,
  run: StoredRun,
  files: RequestFiles,
  ctx: CallContext & { tmpDir: string; onPartial: (b64: string, index: number) => void }
): Promise<RequestAnswer> {
  const params = run.params as Partial<CheckedParams>
  if (run.operation === 'conversation') return sendTurn(deps, run, files, params, ctx)
  const images =
    imageFamily(run.model) === 'dall-e-2'
      ? await squareCopies(files.images, ctx.tmpDir)
      : await Promise.all(files.images.map((file, i) => sendableImage(file, ctx.tmpDir, i)))
  const call = await deps.ai.generateImages(
    {
      model: run.model,
      prompt: run.prompt,
      size: params.size as never,
      quality: params.quality as never,
      n: params.n,
      background: params.background,
      outputFormat: params.outputFormat,
      outputCompression: params.outputCompression,
      moderation: params.moderation,
      images: images.length ? images : undefined,
      mask: files.mask ?? undefined,
      variation: run.operation === 'variation',
      partialImages: params.partialImages,
      onPartialImage: ({ b64, index }) => ctx.onPartial(b64, index)
    },
    ctx
  )
  return {
    images: call.value.images,
    revisedPrompt: call.value.revisedPrompt,
    responseId: null,
    usage: imageUsage(call.usage),
    costUsd: call.costUsd,
    requestId: call.requestId
  }
}

/**
 * One turn of a conversation of edits: the Responses API with the image_generation tool, continuing
 * the previous turn by its response id (or starting from the source image when there is none).
 */
async function sendTurn(
  deps: ImageRequestDeps,
  run: StoredRun,
  files: RequestFiles,
  params: Partial<CheckedParams>,
  ctx: CallContext & { onPartial: (b64: string, index: number) => void }
): Promise<RequestAnswer> {
  const tool: OpenAI.Responses.Tool.ImageGeneration = {
    type: 'image_generation',
    model: run.model as OpenAI.Responses.Tool.ImageGeneration['model'],
    ...(params.size ? { size: params.size as OpenAI.Responses.Tool.ImageGeneration['size'] } : {}),
    ...(params.quality
      ? { quality: params.quality as OpenAI.Responses.Tool.ImageGeneration['quality'] }
      : {}),
    ...(params.background ? { background: params.background } : {}),
    ...(params.outputFormat ? { output_format: params.outputFormat } : {}),
    ...(params.moderation ? { moderation: params.moderation } : {}),
    ...(params.partialImages ? { partial_images: params.partialImages } : {})
  }
  const input: OpenAI.Responses.ResponseInputItem[] | string = run.previousResponseId
    ? run.prompt
    : [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: run.prompt },
            ...(await Promise.all(
              files.images.map(async (file) => ({
                type: 'input_image' as const,
                image_url: await inputImageDataUrl(file),
                detail: 'auto' as const
              }))
            ))
          ]
        }
      ]
  const call = await deps.ai.respond(
    {
      model: CONVERSATION_MODEL,
      input,
      previousResponseId: run.previousResponseId ?? undefined,
      store: true,
      tools: [tool],
      toolChoice: { type: 'image_generation' },
      stream: (params.partialImages ?? 0) > 0,
      onPartialImage: ({ b64, index }) => ctx.onPartial(b64, index)
    },
    ctx
  )
  if (call.value.images.length === 0)
    throw new AppError(
      'AI_TOOL_NOT_CALLED',
      `The model answered without drawing${call.value.text ? `: “${call.value.text.slice(0, 300)}”` : '.'} Say what to change in the picture.`
    )
  const first = call.value.imageCalls[0]
  // The tool's image tokens are not in the response's usage: they are priced from the published table.
  const drawn = estimateImageCost(
    {
      model: run.model,
      size: first?.size ?? params.size,
      quality: first?.quality ?? params.quality,
      n: call.value.images.length,
      prompt: ''
    },
    deps.prices.table()
  )
  return {
    images: call.value.images,
    revisedPrompt: first?.revisedPrompt ?? null,
    responseId: call.value.responseId,
    usage: { ...imageUsage(call.usage), images: call.value.images.length },
    costUsd: Math.round((call.costUsd + drawn.costUsd) * 1e8) / 1e8,
    requestId: call.requestId
  }
}

function imageUsage(usage: UsageFields): ImageUsage {
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    imageTokens: usage.imageTokens,
    images: usage.images
  }
}

async function squareCopies(files: string[], tmpDir: string): Promise<string[]> {
  return Promise.all(
    files.map(async (file, i) => {
      const out = join(tmpDir, `dall-e-2-${i}.png`)
      await writeFile(out, await squarePng(file))
      return out
    })
  )
}
