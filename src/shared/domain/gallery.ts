import { z } from 'zod'

/** One job kind runs every image request of the Gallery (generate, edit, variation, conversation turn). */
export const IMAGE_JOB = 'gallery.image'

export type ImageFamily = 'gpt-image' | 'dall-e-3' | 'dall-e-2'

/** What each family of image model accepts, as the Images API documents it. */
export interface ImageModelRules {
  family: ImageFamily
  sizes: readonly string[]
  qualities: readonly string[]
  /** transparent/opaque/auto, or none when the model has no background option. */
  backgrounds: readonly string[]
  formats: readonly ImageFormat[]
  maxN: number
  /** Source + reference images an edit takes (0: no edits). */
  maxEditImages: number
  masks: boolean
  variations: boolean
  moderation: boolean
  compression: boolean
  /** Partial images while it draws (0: no streaming). */
  maxPartialImages: number
  maxPromptChars: number
}

export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

const GPT_IMAGE: ImageModelRules = {
  family: 'gpt-image',
  sizes: ['auto', '1024x1024', '1536x1024', '1024x1536'],
  qualities: ['auto', 'low', 'medium', 'high'],
  backgrounds: ['auto', 'transparent', 'opaque'],
  formats: IMAGE_FORMATS,
  maxN: 10,
  maxEditImages: 16,
  masks: true,
  variations: false,
  moderation: true,
  compression: true,
  maxPartialImages: 3,
  maxPromptChars: 32_000
}

const DALL_E_3: ImageModelRules = {
  family: 'dall-e-3',
  sizes: ['1024x1024', '1792x1024', '1024x1792'],
  qualities: ['standard', 'hd'],
  backgrounds: [],
  formats: ['png'],
  maxN: 1,
  maxEditImages: 0,
  masks: false,
  variations: false,
  moderation: false,
  compression: false,
  maxPartialImages: 0,
  maxPromptChars: 4000
}

const DALL_E_2: ImageModelRules = {
  family: 'dall-e-2',
  sizes: ['256x256', '512x512', '1024x1024'],
  qualities: ['standard'],
  backgrounds: [],
  formats: ['png'],
  maxN: 10,
  maxEditImages: 1,
  masks: true,
  variations: true,
  moderation: false,
  compression: false,
  maxPartialImages: 0,
  maxPromptChars: 1000
}

/** The family of an image model id (vendor prefixes and dated snapshots included), or null. */
export function imageFamily(model: string): ImageFamily | null {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  if (name.startsWith('gpt-image')) return 'gpt-image'
  if (name.startsWith('dall-e-3')) return 'dall-e-3'
  if (name.startsWith('dall-e-2')) return 'dall-e-2'
  return null
}

export function imageRules(model: string): ImageModelRules | null {
  const family = imageFamily(model)
  return family === 'gpt-image' ? GPT_IMAGE : family === 'dall-e-3' ? DALL_E_3 : family ? DALL_E_2 : null
}

/** Mainline model that drives the Responses `image_generation` tool in a conversation of edits. */
export const CONVERSATION_MODEL = 'gpt-4.1-mini'

export const ImageParams = z.object({
  size: z.string().trim().max(20).default('auto'),
  quality: z.string().trim().max(20).optional(),
  background: z.enum(['auto', 'transparent', 'opaque']).optional(),
  outputFormat: z.enum(IMAGE_FORMATS).optional(),
  /** jpeg/webp only, 0–100. */
  outputCompression: z.number().int().min(0).max(100).optional(),
  n: z.number().int().min(1).max(10).default(1),
  moderation: z.enum(['auto', 'low']).optional(),
  /** Partial images shown while it draws (gpt-image, one image at a time). */
  partialImages: z.number().int().min(0).max(3).default(0)
})
export type ImageParams = z.infer<typeof ImageParams>

const Prompt = z.string().trim().min(1, 'Write a prompt first.').max(32_000)

export const GenerateInput = ImageParams.extend({
  prompt: Prompt,
  /** Absent: the provider's image model. */
  model: z.string().trim().min(1).max(100).optional(),
  providerId: z.string().optional()
})
export type GenerateInput = z.input<typeof GenerateInput>

/** A library image by id, or a file on this machine (imported first). */
export const ImageSource = z.union([
  z.object({ assetId: z.string().min(1) }),
  z.object({ path: z.string().min(1).max(4096) })
])
export type ImageSource = z.infer<typeof ImageSource>

/** The mask as a file, or as the PNG the editor's canvas exported (base64, no data: prefix). */
export const MaskSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }),
  z.object({ pngBase64: z.string().min(1).max(40_000_000) })
])
export type MaskSource = z.infer<typeof MaskSource>

export const EditMode = z.enum(['edit', 'variation', 'conversation'])
export type EditMode = z.infer<typeof EditMode>

export const EditInput = ImageParams.extend({
  source: ImageSource,
  /** Not used by variations. */
  prompt: z.string().trim().max(32_000).default(''),
  mode: EditMode.default('edit'),
  mask: MaskSource.optional(),
  references: z.array(ImageSource).max(15).default([]),
  model: z.string().trim().min(1).max(100).optional(),
  providerId: z.string().optional()
})
export type EditInput = z.input<typeof EditInput>

export const ImageUsage = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  imageTokens: z.number(),
  images: z.number()
})
export type ImageUsage = z.infer<typeof ImageUsage>

export const StoredImage = z.object({
  assetId: z.string(),
  path: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  format: z.string()
})
export type StoredImage = z.infer<typeof StoredImage>

export const RunOperation = z.enum(['generate', 'edit', 'variation', 'conversation', 'tool'])
export type RunOperation = z.infer<typeof RunOperation>

export const RunStatus = z.enum(['running', 'complete', 'failed'])

/** One request and what it made. */
export const ImageRunView = z.object({
  id: z.string(),
  status: RunStatus,
  operation: RunOperation,
  prompt: z.string(),
  revisedPrompt: z.string().nullable(),
  model: z.string(),
  params: z.record(z.string(), z.unknown()),
  parentAssetIds: z.array(z.string()),
  maskPath: z.string().nullable(),
  responseId: z.string().nullable(),
  usage: ImageUsage,
  costUsd: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  images: z.array(StoredImage),
  jobId: z.string().nullable(),
  createdAt: z.string()
})
export type ImageRunView = z.infer<typeof ImageRunView>

/** One image of the gallery with the request that made it. */
export const GalleryItem = StoredImage.extend({
  thumbPath: z.string().nullable(),
  name: z.string(),
  runId: z.string(),
  operation: RunOperation,
  prompt: z.string(),
  revisedPrompt: z.string().nullable(),
  model: z.string(),
  params: z.record(z.string(), z.unknown()),
  parentAssetId: z.string().nullable(),
  parentAssetIds: z.array(z.string()),
  maskPath: z.string().nullable(),
  responseId: z.string().nullable(),
  usage: ImageUsage,
  costUsd: z.number(),
  favourite: z.boolean(),
  createdAt: z.string()
})
export type GalleryItem = z.infer<typeof GalleryItem>

export const GalleryQuery = z.object({
  search: z.string().max(500).optional(),
  model: z.string().max(100).optional(),
  /** ISO dates, inclusive. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  favourites: z.boolean().default(false),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(60)
})
export type GalleryQuery = z.input<typeof GalleryQuery>

export const GalleryPage = z.object({
  items: z.array(GalleryItem),
  nextCursor: z.string().nullable(),
  models: z.array(z.string())
})
export type GalleryPage = z.infer<typeof GalleryPage>

/** A library image that is an edit's source but was not generated here (a photo). */
export const LineageAsset = z.object({
  assetId: z.string(),
  name: z.string(),
  path: z.string(),
  thumbPath: z.string().nullable(),
  item: GalleryItem.nullable()
})
export type LineageAsset = z.infer<typeof LineageAsset>

export const GalleryDetail = z.object({
  item: GalleryItem,
  parents: z.array(LineageAsset),
  children: z.array(GalleryItem),
  /** Every version of this edit chain, oldest first (the item included). */
  chain: z.array(GalleryItem)
})
export type GalleryDetail = z.infer<typeof GalleryDetail>

export const ImageEstimate = z.object({
  costUsd: z.number(),
  basis: z.enum(['per-image', 'tokens', 'unknown']),
  perImageUsd: z.number(),
  images: z.number().int()
})
export type ImageEstimate = z.infer<typeof ImageEstimate>

export const ImageModelOption = z.object({
  model: z.string(),
  family: z.enum(['gpt-image', 'dall-e-3', 'dall-e-2']),
  sizes: z.array(z.string()),
  qualities: z.array(z.string()),
  backgrounds: z.array(z.string()),
  formats: z.array(z.enum(IMAGE_FORMATS)),
  maxN: z.number().int(),
  maxEditImages: z.number().int(),
  masks: z.boolean(),
  variations: z.boolean(),
  moderation: z.boolean(),
  compression: z.boolean(),
  maxPartialImages: z.number().int()
})
export type ImageModelOption = z.infer<typeof ImageModelOption>
