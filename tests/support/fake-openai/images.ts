import { sample } from './samples'
import type { SseFrame } from './sse'
import type { Reply } from './types'

type Json = Record<string, unknown>

const RECORDED_TOOL_CALL = 'responses-image-generation-call.json'

let png: Buffer | null = null

/** The real 1024×1024 PNG the image_generation tool returned in the recording. */
export function recordedPng(): Buffer {
  if (!png) {
    const response = sample<{ output: { type: string; result?: string }[] }>(RECORDED_TOOL_CALL)
    const call = response.output.find((o) => o.type === 'image_generation_call')
    png = Buffer.from(call?.result ?? '', 'base64')
  }
  return png
}

let served = 0

/**
 * The recorded PNG with a tEXt chunk naming its serial number: still the same picture, but each
 * answer's bytes differ, as a real model's images do (the library stores files by content).
 */
export function distinctPng(): Buffer {
  served += 1
  const source = recordedPng()
  const ihdrEnd = 8 + 25
  const text = Buffer.from(`Comment\0fake image ${served}`, 'latin1')
  const chunk = Buffer.alloc(12 + text.length)
  chunk.writeUInt32BE(text.length, 0)
  chunk.write('tEXt', 4, 'latin1')
  text.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length)
  return Buffer.concat([source.subarray(0, ihdrEnd), chunk, source.subarray(ihdrEnd)])
}

/** What an image request's body or form asked for. */
function asked(fields: Json): { model: string; n: number; size: string; quality: string; format: string } {
  return {
    model: String(fields.model ?? 'dall-e-2'),
    n: Math.max(1, Number(fields.n ?? 1)),
    size: String(fields.size ?? '1024x1024'),
    quality: String(fields.quality ?? 'auto'),
    format: String(fields.output_format ?? 'png')
  }
}

/** POST /images/generations, /images/edits, /images/variations: the recorded envelope, real PNGs. */
export function imagesResponse(fields: Json, reply?: Reply): Json {
  const a = asked(fields)
  const out = sample('images-generations.json')
  out.created = Math.floor(Date.now() / 1000)
  const gpt = a.model.startsWith('gpt-image')
  out.data = Array.from({ length: a.n }, () => ({
    b64_json: reply?.text ?? distinctPng().toString('base64'),
    ...(a.model.startsWith('dall-e-3')
      ? { revised_prompt: `A detailed picture: ${String(fields.prompt)}` }
      : {})
  }))
  if (!gpt) {
    delete out.usage
    delete out.background
    delete out.output_format
    delete out.quality
  } else {
    out.size = a.size === 'auto' ? '1024x1024' : a.size
    out.output_format = a.format
  }
  return out
}

/** The same answer as a stream: partial images (the same picture), then one completed event per image. */
export function imagesStreamFrames(fields: Json, edit: boolean): SseFrame[] {
  const prefix = edit ? 'image_edit' : 'image_generation'
  const partials = Number(fields.partial_images ?? 0)
  const frames: SseFrame[] = []
  const image = distinctPng().toString('base64')
  for (let i = 0; i < partials; i += 1)
    frames.push({
      event: `${prefix}.partial_image`,
      data: JSON.stringify({ type: `${prefix}.partial_image`, b64_json: image, partial_image_index: i })
    })
  const usage = (sample('images-generations.json') as { usage: Json }).usage
  frames.push({
    event: `${prefix}.completed`,
    data: JSON.stringify({ type: `${prefix}.completed`, b64_json: image, usage, created_at: 0 })
  })
  return frames
}

/** A Responses request that offers the image_generation tool. */
export function wantsImageTool(body: Json): boolean {
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : []
  return tools.some((t) => t.type === 'image_generation')
}

/** The recorded image_generation_call response, with a fresh id and a distinct image. */
export function imageToolResponse(body: Json): Json {
  const out = sample<Json>(RECORDED_TOOL_CALL)
  out.id = `resp_fake${String(Date.now())}${String(served)}`
  out.previous_response_id = body.previous_response_id ?? null
  const call = (out.output as Json[]).find((o) => o.type === 'image_generation_call') as Json
  call.result = distinctPng().toString('base64')
  return out
}

export function imageToolStreamFrames(body: Json): SseFrame[] {
  const response = imageToolResponse(body)
  const call = (response.output as Json[]).find((o) => o.type === 'image_generation_call') as Json
  const partials = Number(((body.tools as Json[])[0] ?? {}).partial_images ?? 0)
  const frames: SseFrame[] = [
    frame('response.created', { response: { ...response, status: 'in_progress', output: [] } })
  ]
  for (let i = 0; i < partials; i += 1)
    frames.push(
      frame('response.image_generation_call.partial_image', {
        item_id: call.id,
        output_index: 0,
        partial_image_index: i,
        partial_image_b64: call.result
      })
    )
  frames.push(frame('response.completed', { response }))
  return frames
}

function frame(type: string, payload: Json): SseFrame {
  return { event: type, data: JSON.stringify({ type, sequence_number: 0, ...payload }) }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
