import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { SecretStore } from '../../platform/secrets/secret-store'
import type { Db } from '../../store/database'
import type { HandlerSlice } from '../feature'
import { DoctorService } from './doctor-service'

/** What the app is, and whether its tools work: `app.info`, `app.doctor`. */
export function systemFeature(deps: {
  db: Db
  media: MediaTools
  dataDir: string
  version: string
  secrets: SecretStore
  secretsFile: string
}) {
  const doctor = new DoctorService(deps)
  const info = () => ({
    version: deps.version,
    dataDir: deps.dataDir,
    platform: process.platform,
    keyStore: deps.secrets.kind,
    keyFile: deps.secrets.kind === 'file' ? deps.secretsFile : null
  })
  const handlers: HandlerSlice<'app.info' | 'app.doctor'> = {
    'app.info': () => info(),
    'app.doctor': () => doctor.report()
  }
  return { services: { doctor }, handlers }
}
