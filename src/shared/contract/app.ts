import { z } from 'zod'
import { DoctorReport } from '../domain/doctor'
import { route } from './define'

export const appRoutes = {
  'app.info': route({
    input: z.object({}).default({}),
    output: z.object({ version: z.string(), dataDir: z.string(), platform: z.string() })
  }),
  'app.doctor': route({ input: z.object({}).default({}), output: DoctorReport })
}
