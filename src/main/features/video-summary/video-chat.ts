import type OpenAI from 'openai'
import type { ChatTurn, VideoAnalysis } from '@shared/domain/video'
import { AppError, toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import { prepareImage } from '../../media/image/image-prep'
import type { BlobStore } from '../../store/blob-store'
import type { ConversationsRepo } from './conversations-repo'
import { transcriptText } from './prompt'
import { timecode } from '@shared/timecode'

/** Frames sent as grounding: a few at low detail are enough to answer "what is shown when". */
const GROUNDING_FRAMES = 12
/** Transcripts longer than this are cut (the summary still covers the whole video). */
const MAX_TRANSCRIPT_CHARS = 60_000
/** Errors that mean the stored response chain is gone (expired, deleted, another account). */
const CHAIN_LOST = new Set(['AI_INVALID_REQUEST', 'AI_MODEL_NOT_FOUND'])

interface ChatDeps {
  ai: AiService
  conversations: ConversationsRepo
  blobs: BlobStore
}

interface Grounding {
  name: string
  durationS: number
  analysis: VideoAnalysis
}

/**
 * Questions about one video, grounded in its stored summary, transcript and frames. With the
 * Responses API the provider keeps the context (previous_response_id), so later turns send only
 * the question; otherwise the whole history goes with every turn.
 */
export class VideoChat {
  constructor(private readonly deps: ChatDeps) {}

  turns(assetId: string): ChatTurn[] {
    const conversation = this.deps.conversations.forAsset(assetId)
    return conversation ? this.deps.conversations.turns(conversation.id) : []
  }

  clear(assetId: string): void {
    this.deps.conversations.clear(assetId)
  }

  async ask(
    assetId: string,
    question: string,
    grounding: Grounding,
    signal?: AbortSignal
  ): Promise<ChatTurn[]> {
    const { model, provider } = await this.deps.ai.modelFor('summary', grounding.analysis.options.providerId)
    const conversation =
      this.deps.conversations.forAsset(assetId) ??
      this.deps.conversations.create({
        assetId,
        analysisId: grounding.analysis.id,
        providerId: provider.id,
        model
      })
    const history = this.deps.conversations.turns(conversation.id)
    const images: FrameUrl[] = provider.capabilities.vision
      ? await this.frameUrls(grounding.analysis, model)
      : []
    const context = contextText(grounding)
    const ctx = { providerId: conversation.providerId ?? undefined, signal }
    let answer: { text: string; costUsd: number; responseId: string | null }
    if (provider.capabilities.responses) {
      answer = await this.viaResponses({
        model,
        question,
        history,
        images,
        context,
        previous: conversation.lastResponseId,
        ctx
      })
    } else {
      const result = await this.deps.ai.chat(
        {
          model,
          messages: chatMessages(context, images, history, question),
          onContextTooLong: 'trim-oldest'
        },
        ctx
      )
      answer = { text: result.value.text ?? '', costUsd: result.costUsd, responseId: null }
    }
    if (!answer.text.trim())
      throw new AppError(
        'AI_BAD_RESPONSE',
        'The model returned an empty answer. Ask again or pick another model.'
      )
    this.deps.conversations.addTurns(
      conversation.id,
      [
        { role: 'user', content: question, costUsd: 0 },
        { role: 'assistant', content: answer.text, costUsd: answer.costUsd }
      ],
      answer.responseId
    )
    return this.deps.conversations.turns(conversation.id)
  }

  private async viaResponses(args: {
    model: string
    question: string
    history: ChatTurn[]
    images: FrameUrl[]
    context: string
    previous: string | null
    ctx: { providerId?: string; signal?: AbortSignal }
  }): Promise<{ text: string; costUsd: number; responseId: string | null }> {
    const call = async (previous: string | null) => {
      const input = previous
        ? args.question
        : responsesInput(args.context, args.images, args.history, args.question)
      const result = await this.deps.ai.respond(
        {
          model: args.model,
          instructions: INSTRUCTIONS,
          input,
          previousResponseId: previous ?? undefined,
          store: true
        },
        args.ctx
      )
      return { text: result.value.text, costUsd: result.costUsd, responseId: result.value.responseId }
    }
    if (!args.previous) return call(null)
    try {
      return await call(args.previous)
    } catch (error) {
      if (!CHAIN_LOST.has(toErrorInfo(error).code)) throw error
      return call(null)
    }
  }

  private async frameUrls(analysis: VideoAnalysis, model: string): Promise<FrameUrl[]> {
    const frames = analysis.frames?.frames ?? []
    const step = Math.max(1, frames.length / GROUNDING_FRAMES)
    const chosen = Array.from(
      { length: Math.min(GROUNDING_FRAMES, frames.length) },
      (_, i) => frames[Math.floor(i * step)]!
    )
    const urls = await Promise.all(
      chosen.map(async (frame) => {
        const image = await prepareImage(this.deps.blobs.absolutePath(frame.path), { model, detail: 'low' })
        return { t: frame.t, url: `data:image/jpeg;base64,${image.data.toString('base64')}` }
      })
    )
    return urls
  }
}

const INSTRUCTIONS = [
  'You answer questions about one video using only the material given: its summary, its transcript and some of its frames, each labelled with its time.',
  'Cite the moments you rely on as [mm:ss] (or [h:mm:ss]) so the viewer can jump there.',
  'If the material does not answer the question, say so plainly. Answer in the language of the question.'
].join(' ')

function contextText({ name, durationS, analysis }: Grounding): string {
  const transcript = analysis.transcript
    ? transcriptText(analysis.transcript.segments).slice(0, MAX_TRANSCRIPT_CHARS)
    : 'There is no audio track.'
  const summary = analysis.summary ? JSON.stringify(analysis.summary) : 'No summary is available.'
  return `Video “${name}”, ${timecode(durationS)} long.\n\nSummary (times in seconds):\n${summary}\n\nTranscript:\n${transcript}`
}

type FrameUrl = { t: number; url: string }

function responsesInput(
  context: string,
  images: FrameUrl[],
  history: ChatTurn[],
  question: string
): OpenAI.Responses.ResponseInputItem[] {
  const grounding: OpenAI.Responses.ResponseInputContent[] = [{ type: 'input_text', text: context }]
  for (const image of images) {
    grounding.push({ type: 'input_text', text: `[${timecode(image.t)}]` })
    grounding.push({ type: 'input_image', image_url: image.url, detail: 'low' })
  }
  return [
    { role: 'user', content: grounding },
    ...history.map((turn) => ({ role: turn.role, content: turn.content })),
    { role: 'user', content: question }
  ]
}

function chatMessages(
  context: string,
  images: FrameUrl[],
  history: ChatTurn[],
  question: string
): OpenAI.Chat.ChatCompletionMessageParam[] {
  const frames: OpenAI.Chat.ChatCompletionContentPart[] = images.flatMap((image) => [
    { type: 'text' as const, text: `[${timecode(image.t)}]` },
    { type: 'image_url' as const, image_url: { url: image.url, detail: 'low' as const } }
  ])
  return [
    { role: 'system', content: `${INSTRUCTIONS}\n\n${context}` },
    ...(frames.length > 0 ? [{ role: 'user' as const, content: frames }] : []),
    ...history.map((turn) => ({ role: turn.role, content: turn.content })),
    { role: 'user', content: question }
  ]
}
