import { z } from 'zod'
import {
  EditInput,
  GalleryDetail,
  GalleryItem,
  GalleryPage,
  GalleryQuery,
  GenerateInput,
  ImageEstimate,
  ImageModelOption,
  ImageRunView
} from '../domain/gallery'
import { route } from './define'

const AssetRef = z.object({ assetId: z.string().min(1) })
const Started = z.object({ jobId: z.string(), runId: z.string() })

export const galleryRoutes = {
  /** Image models the provider offers, each with the sizes, qualities and limits it accepts. */
  'gallery.models': route({
    input: z.object({ providerId: z.string().optional() }).default({}),
    output: z.array(ImageModelOption)
  }),
  /** The price before anything is sent (per image for DALL·E, by tokens for GPT image models). */
  'gallery.estimate': route({
    input: z.object({ request: z.union([EditInput, GenerateInput]) }),
    output: ImageEstimate
  }),
  /** Starts a generation; refused at once when the model does not take a parameter. */
  'gallery.generate': route({ input: GenerateInput, output: Started }),
  /** Starts an edit (mask, references), DALL·E 2 variations, or a turn of a conversation of edits. */
  'gallery.edit': route({ input: EditInput, output: Started }),
  'gallery.run': route({ input: z.object({ runId: z.string().min(1) }), output: ImageRunView }),
  /** Generated images newest first, filtered and searched by prompt (CJK included). */
  'gallery.list': route({
    input: GalleryQuery.default({ favourites: false, limit: 60 }),
    output: GalleryPage
  }),
  /** One image with its request, its parents, its children and every version of its edit chain. */
  'gallery.detail': route({ input: AssetRef, output: GalleryDetail }),
  'gallery.favourite': route({
    input: AssetRef.extend({ favourite: z.boolean() }),
    output: GalleryItem
  })
}
