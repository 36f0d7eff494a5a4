import { mkdirSync } from 'node:fs'
import { EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createSilentLogger, type Logger } from './logger'
import { appPaths, type AppPaths } from './paths'
import { createRouter, type Router } from './router'
import { FileSecretStore } from './secrets/file-secret-store'
import type { SecretStore } from './secrets/secret-store'
import { DoctorService } from './services/doctor-service'
import { Importer } from './services/importer'
import { KeyframeService } from './services/keyframe-service'
import { PlayableService } from './services/playable-service'
import { LibraryService } from './services/library-service'
import { MediaTools } from './services/media-tools'
import { SettingsService } from './services/settings-service'
import { VideoService } from './services/video-service'
import { createAiServices, type AiServices } from '../ai/wire'
import { JobQueue } from '../jobs/job-queue'
import { importJobKind } from '../jobs/kinds/import-job'
import { keyframesJobKind } from '../jobs/kinds/keyframes-job'
import { playableJobKind } from '../jobs/kinds/playable-job'
import { summaryJobKind } from '../jobs/kinds/summary-job'
import { thumbnailJobKind } from '../jobs/kinds/thumbnail-job'
import { VideoSummaryService } from '../pipelines/video-summary/summary-service'
import { VideoChat } from '../pipelines/video-summary/video-chat'
import { AnalysesRepo } from '../store/analyses-repo'
import { ConversationsRepo } from '../store/conversations-repo'
import { TranscriptsRepo } from '../store/transcripts-repo'
import { AssetsRepo } from '../store/assets-repo'
import { FramesRepo } from '../store/frames-repo'
import { BlobStore } from '../store/blob-store'
import { openDatabase, type Db } from '../store/database'
import { JobsRepo } from '../store/jobs-repo'
import { SettingsRepo } from '../store/settings-repo'
import { snapshotIfDue } from '../store/snapshots'

export interface AppConfig {
  dataDir: string
  version: string
  secretStore?: SecretStore
  logger?: Logger
  /** better-sqlite3 build for Electron's ABI; plain Node uses the default build. */
  nativeBinding?: string
  env?: NodeJS.ProcessEnv
  /** Validate route outputs and event payloads (on in dev and tests). */
  strict?: boolean
  /** Set false for short CLI commands that must not pick up queued work. */
  runJobs?: boolean
}

export interface AppServices extends AiServices {
  app: { info(): { version: string; dataDir: string; platform: string } }
  library: LibraryService
  jobs: JobQueue
  jobsRepo: JobsRepo
  settings: SettingsService
  doctor: DoctorService
  media: MediaTools
  importer: Importer
  keyframes: KeyframeService
  playable: PlayableService
  video: VideoService
  summaries: VideoSummaryService
  blobs: BlobStore
  assets: AssetsRepo
  secrets: SecretStore
}

export interface FramewiseApp {
  paths: AppPaths
  db: Db
  bus: EventBus
  router: Router
  services: AppServices
  logger: Logger
  close(): Promise<void>
}

const SNAPSHOT_INTERVAL_MS = 24 * 60 * 60 * 1000

/** The composition root: the only place that wires services to their collaborators. */
export function createApp(config: AppConfig): FramewiseApp {
  const paths = appPaths(config.dataDir)
  mkdirSync(paths.dataDir, { recursive: true })
  const env = config.env ?? process.env
  const logger = config.logger ?? createSilentLogger()
  const strict = config.strict ?? env.NODE_ENV !== 'production'
  const db = openDatabase({
    file: paths.dbFile,
    backupsDir: paths.backupsDir,
    nativeBinding: config.nativeBinding
  })
  const bus = new EventBus(strict)
  const services = wireServices(config, { paths, db, bus, logger, env })
  const router = createRouter(createHandlers(services), { validateOutput: strict, logger })

  services.blobs.sweepStrays()
  void services.blobs.collectGarbage()
  const snapshot = (): void => {
    try {
      snapshotIfDue(db, paths.backupsDir, { intervalMs: SNAPSHOT_INTERVAL_MS, keep: 5 })
    } catch (error) {
      logger.warn('snapshot failed', { error: String(error) })
    }
  }
  const snapshotTimer = setInterval(snapshot, SNAPSHOT_INTERVAL_MS)
  snapshotTimer.unref()
  if (config.runJobs !== false) {
    services.jobs.start()
    services.health.start()
  }

  return {
    paths,
    db,
    bus,
    router,
    services,
    logger,
    async close() {
      clearInterval(snapshotTimer)
      services.health.stop()
      await services.jobs.dispose()
      db.close()
    }
  }
}

function wireServices(
  config: AppConfig,
  core: { paths: AppPaths; db: Db; bus: EventBus; logger: Logger; env: NodeJS.ProcessEnv }
): AppServices {
  const { paths, db, bus, logger, env } = core
  mkdirSync(paths.stagingDir, { recursive: true })
  const assets = new AssetsRepo(db)
  const jobsRepo = new JobsRepo(db)
  const blobs = new BlobStore({ db, blobsDir: paths.blobsDir, tmpDir: paths.tmpDir })
  const settings = new SettingsService({ repo: new SettingsRepo(db), bus })
  const media = new MediaTools({ paths: () => settings.get(), env })
  const jobs = new JobQueue({ repo: jobsRepo, bus, logger })
  const importer = new Importer({ db, assets, blobs, media, dataDir: paths.dataDir })
  jobs.register(importJobKind({ importer, bus, stagingDir: paths.stagingDir }))
  jobs.register(thumbnailJobKind({ db, assets, blobs, media, bus, tmpDir: paths.tmpDir }))
  const keyframes = new KeyframeService({
    db,
    assets,
    frames: new FramesRepo(db),
    blobs,
    media,
    tmpDir: paths.tmpDir
  })
  jobs.register(keyframesJobKind({ keyframes, bus }))
  const playable = new PlayableService({ db, assets, blobs, media, jobs, tmpDir: paths.tmpDir })
  jobs.register(playableJobKind({ playable, bus }))
  const secrets = config.secretStore ?? new FileSecretStore(paths.secretsFile, env)
  const aiServices = createAiServices({ db, secrets, env, logger, bus, jobs })
  const summaries = new VideoSummaryService({
    ...aiServices,
    assets,
    analyses: new AnalysesRepo(db),
    transcripts: new TranscriptsRepo(db),
    keyframes,
    blobs,
    media,
    jobs,
    bus,
    chat: new VideoChat({ ai: aiServices.ai, conversations: new ConversationsRepo(db), blobs }),
    tmpDir: paths.tmpDir
  })
  jobs.register(summaryJobKind({ summaries }))
  return {
    ...aiServices,
    app: { info: () => ({ version: config.version, dataDir: paths.dataDir, platform: process.platform }) },
    library: new LibraryService({ assets, blobs, jobs, jobsRepo, bus }),
    jobs,
    jobsRepo,
    settings,
    doctor: new DoctorService({ db, media, dataDir: paths.dataDir, version: config.version }),
    media,
    importer,
    keyframes,
    video: new VideoService({ assets, jobs, keyframes }),
    playable,
    summaries,
    blobs,
    assets,
    secrets
  }
}
