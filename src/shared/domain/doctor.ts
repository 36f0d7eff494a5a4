import { z } from 'zod'

export const BinaryReport = z.object({
  path: z.string().nullable(),
  version: z.string().nullable(),
  source: z.enum(['setting', 'env', 'bundled', 'path', 'none']),
  ok: z.boolean(),
  error: z.string().optional()
})

export const DoctorReport = z.object({
  app: z.object({ version: z.string(), node: z.string(), platform: z.string() }),
  ffmpeg: BinaryReport,
  ffprobe: BinaryReport,
  sharp: z.object({
    version: z.string(),
    libvips: z.string(),
    formats: z.record(z.string(), z.boolean())
  }),
  sqlite: z.object({ version: z.string(), fts5Trigram: z.boolean(), journalMode: z.string() }),
  dataDir: z.object({ path: z.string(), writable: z.boolean(), freeBytes: z.number().nullable() })
})
export type DoctorReport = z.infer<typeof DoctorReport>
