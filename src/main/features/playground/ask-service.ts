import { AskInput, type AskResult } from '@shared/domain/ask'
import type { z } from 'zod'
import type { AiService } from '../../ai/ai-service'
import type { ChatMessage } from '../../ai/calls/chat'
import type { CallContext } from '../../ai/executor'
import { schemaFromJson } from '../../ai/structured'
import { prepareImage } from '../../media/image/image-prep'
import type { EventBus } from '../../platform/event-bus'

type Ask = z.output<typeof AskInput>

/** One question to a model on either API; the Playground and `framewise ask` both come here. */
export class AskService {
  constructor(private readonly deps: { ai: AiService; bus: EventBus }) {}

  async ask(input: Ask): Promise<AskResult> {
    const model = input.model ?? (await this.defaultModel(input))
    const urls = await this.imageUrls(input, model)
    const ctx = this.callContext(input)
    const schema = input.schema ? schemaFromJson(input.schema.name, input.schema.schema) : undefined
    const onDelta = input.streamId ? this.emitDelta(input.streamId) : undefined
    const stream = Boolean(input.streamId)
    const result =
      input.api === 'responses'
        ? await this.deps.ai.respond(
            {
              model,
              input: urls.length === 0 ? input.prompt : [responsesTurn(input.prompt, urls, input.detail)],
              textFormat: schema,
              reasoning: input.reasoningEffort ? { effort: input.reasoningEffort } : undefined,
              stream,
              onDelta
            },
            ctx
          )
        : await this.deps.ai.chat(
            {
              model,
              messages: [chatTurn(input.prompt, urls, input.detail)],
              responseFormat: schema,
              reasoningEffort: input.reasoningEffort,
              stream,
              onDelta
            },
            ctx
          )
    const u = result.usage
    return {
      text: result.value.text ?? null,
      ...(result.value.parsed !== undefined ? { parsed: result.value.parsed } : {}),
      usage: {
        inputTokens: u.inputTokens,
        cachedTokens: u.cachedTokens,
        outputTokens: u.outputTokens,
        reasoningTokens: u.reasoningTokens
      },
      costUsd: result.costUsd,
      model: result.model,
      provider: result.providerId,
      providerName: result.providerName,
      requestId: result.requestId
    }
  }

  private async defaultModel(input: Ask): Promise<string> {
    const task = input.images.length > 0 ? 'vision' : 'summary'
    return (await this.deps.ai.modelFor(task, input.providerId)).model
  }

  private async imageUrls(input: Ask, model: string): Promise<string[]> {
    const detail = input.detail
    // 'auto' lets the model choose; the image is still prepared for high detail, the larger of the two.
    const prep = detail === 'low' ? 'low' : 'high'
    const images = await Promise.all(input.images.map((path) => prepareImage(path, { model, detail: prep })))
    return images.map((img) => `data:image/${img.format};base64,${img.data.toString('base64')}`)
  }

  private callContext(input: Ask): CallContext {
    const { streamId } = input
    return {
      providerId: input.providerId ?? null,
      onWait: streamId
        ? (w) =>
            this.deps.bus.emit('ai.stream', {
              streamId,
              type: 'wait',
              delayMs: w.delayMs,
              reason: w.reason,
              attempt: w.attempt
            })
        : undefined
    }
  }

  private emitDelta(streamId: string) {
    return (d: { text: string; restart: boolean }) =>
      this.deps.bus.emit('ai.stream', { streamId, type: 'delta', text: d.text, restart: d.restart })
  }
}

function chatTurn(prompt: string, urls: string[], detail: Ask['detail']): ChatMessage {
  if (urls.length === 0) return { role: 'user', content: prompt }
  return {
    role: 'user',
    content: [
      { type: 'text', text: prompt },
      ...urls.map((url) => ({ type: 'image_url' as const, image_url: { url, detail } }))
    ]
  }
}

function responsesTurn(prompt: string, urls: string[], detail: Ask['detail']) {
  return {
    role: 'user' as const,
    content: [
      { type: 'input_text' as const, text: prompt },
      ...urls.map((url) => ({ type: 'input_image' as const, image_url: url, detail }))
    ]
  }
}
