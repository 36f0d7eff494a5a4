import { z } from 'zod'
import { DoctorReport } from '../domain/doctor'
import { route } from './define'

export const appRoutes = {
  'app.info': route({
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      platform: z.string(),
      /** Where this run keeps API keys: the OS keychain, an owner-only file, or memory (tests). */
      keyStore: z.enum(['keychain', 'file', 'memory']),
      keyFile: z.string().nullable()
    })
  }),
  'app.doctor': route({ input: z.object({}).default({}), output: DoctorReport })
}
