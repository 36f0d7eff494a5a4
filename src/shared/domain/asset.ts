import { z } from 'zod'
import { ERROR_CODES } from '../errors'

export const AssetKind = z.enum(['video', 'image', 'audio'])
export type AssetKind = z.infer<typeof AssetKind>

export const ThumbState = z.enum(['pending', 'ready', 'failed'])

/** Facts read from the file itself (ffprobe or sharp); every field is optional because formats differ. */
export const MediaMetadata = z.object({
  container: z.string().optional(),
  videoCodec: z.string().optional(),
  audioCodec: z.string().optional(),
  fps: z.number().optional(),
  variableFrameRate: z.boolean().optional(),
  rotation: z.number().optional(),
  hasAudio: z.boolean().optional(),
  hasVideo: z.boolean().optional(),
  bitrate: z.number().optional(),
  sampleRate: z.number().optional(),
  channels: z.number().optional(),
  format: z.string().optional(),
  colorSpace: z.string().optional(),
  bitDepth: z.number().optional(),
  hasAlpha: z.boolean().optional(),
  orientation: z.number().optional(),
  pages: z.number().optional(),
  hasProfile: z.boolean().optional(),
  title: z.string().optional()
})
export type MediaMetadata = z.infer<typeof MediaMetadata>

export const Asset = z.object({
  id: z.string(),
  kind: AssetKind,
  name: z.string(),
  hash: z.string(),
  /** Path of the stored copy, relative to the library's file store. */
  path: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  durationS: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  metadata: MediaMetadata,
  thumb: z.object({ state: ThumbState, path: z.string().nullable() }),
  sourcePath: z.string().nullable(),
  /** Set when the file could not be decoded for its preview: damaged, or not what its name says. */
  problem: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  createdAt: z.string()
})
export type Asset = z.infer<typeof Asset>

/** Why a search result matched: the field, and a short excerpt of it around the match. */
export const SearchMatch = z.object({
  field: z.enum(['name', 'metadata', 'text']),
  snippet: z.string()
})
export type SearchMatch = z.infer<typeof SearchMatch>

/** An asset as the library lists it; `match` is null outside a search. */
export const LibraryItem = Asset.extend({ match: SearchMatch.nullable() })
export type LibraryItem = z.infer<typeof LibraryItem>

export const ImportFailure = z.object({
  path: z.string(),
  code: z.enum(ERROR_CODES),
  message: z.string()
})
export type ImportFailure = z.infer<typeof ImportFailure>

export const ImportReport = z.object({
  imported: z.array(z.object({ path: z.string(), assetId: z.string() })),
  duplicates: z.array(z.object({ path: z.string(), assetId: z.string() })),
  failed: z.array(ImportFailure),
  skipped: z.number().int()
})
export type ImportReport = z.infer<typeof ImportReport>
