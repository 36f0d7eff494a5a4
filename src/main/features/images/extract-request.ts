import type { ImageDetail } from '@shared/domain/extract'
import type { ChatRequest } from '../../ai/calls/chat'
import { schemaFromJson } from '../../ai/structured'
import { prepareImage, type PreparedImage } from '../../media/image/image-prep'

export interface ExtractionSpec {
  name: string
  instructions: string
  schema: Record<string, unknown>
  model: string
  detail: ImageDetail
}

const SYSTEM =
  'You extract facts from one image into the JSON schema given. Report only what the image shows; ' +
  'use an empty string, an empty list or null for what it does not show. Never invent text.'

/** "auto" lets the API choose; the picture is prepared for high detail, which auto may use. */
export const prepDetail = (detail: ImageDetail): 'low' | 'high' => (detail === 'low' ? 'low' : 'high')

/** The image as the model will receive it: upright, sRGB, resized for the detail, re-encoded. */
export function prepareForExtraction(file: string, spec: ExtractionSpec): Promise<PreparedImage> {
  return prepareImage(file, { model: spec.model, detail: prepDetail(spec.detail) })
}

/** One image, one request: the same body whether sent now or written into a Batch file. */
export function extractionRequest(spec: ExtractionSpec, image: PreparedImage): ChatRequest {
  const url = `data:image/${image.format};base64,${image.data.toString('base64')}`
  return {
    model: spec.model,
    messages: [
      { role: 'system', content: SYSTEM },
      {
        role: 'user',
        content: [
          { type: 'text', text: spec.instructions },
          { type: 'image_url', image_url: { url, detail: spec.detail } }
        ]
      }
    ],
    responseFormat: schemaFromJson(spec.name || 'extraction', spec.schema)
  }
}
