import { z } from 'zod'
import { Asset, AssetKind, LibraryItem } from '../domain/asset'
import { route } from './define'

export const LibraryQuery = z.object({
  search: z.string().max(500).optional(),
  kind: AssetKind.optional(),
  limit: z.number().int().min(1).max(500).default(200),
  /** Kept for old callers; `cursor` (the previous page's `nextCursor`) is what pages should use. */
  offset: z.number().int().min(0).default(0),
  cursor: z.string().min(1).max(200).optional()
})
export type LibraryQuery = z.input<typeof LibraryQuery>

export const libraryRoutes = {
  'library.list': route({
    input: LibraryQuery,
    output: z.object({
      items: z.array(LibraryItem),
      total: z.number().int(),
      /** The count stopped at `total` (a capped count of a broad search): show it as "5,000+". */
      totalIsLowerBound: z.boolean(),
      nextCursor: z.string().nullable()
    })
  }),
  'library.get': route({ input: z.object({ id: z.string().min(1) }), output: Asset }),
  'library.import': route({
    input: z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000) }),
    output: z.object({ jobId: z.string() })
  }),
  'library.delete': route({
    input: z.object({ ids: z.array(z.string().min(1)).min(1).max(10_000) }),
    output: z.object({ deleted: z.number().int() })
  }),
  'library.rename': route({
    input: z.object({ id: z.string().min(1), name: z.string().trim().min(1).max(255) }),
    output: Asset
  })
}
