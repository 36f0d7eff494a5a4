import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createAiServices, type AiServices } from '../ai/wire'
import { audioFeature } from '../features/audio'
import { galleryFeature } from '../features/gallery'
import type { Handlers } from '../features/feature'
import { imagesFeature } from '../features/images'
import { jobsFeature } from '../features/jobs'
import { libraryFeature } from '../features/library'
import { GC_JOB, gcJobKind } from '../features/library/gc-job'
import { playgroundFeature } from '../features/playground'
import { localSources } from '../features/playground/local-sources'
import { probeFeature } from '../features/probe'
import { providersFeature } from '../features/providers'
import { settingsFeature } from '../features/settings'
import { systemFeature } from '../features/system'
import { usageFeature } from '../features/usage'
import { videoFeature } from '../features/video'
import { videoSummaryFeature } from '../features/video-summary'
import { voiceFeature } from '../features/voice'
import { JobQueue } from '../jobs/job-queue'
import { isProcessAlive } from '../jobs/job-owner'
import { JobsRepo } from '../jobs/jobs-repo'
import { EventBus } from '../platform/event-bus'
import { MediaTools } from '../platform/ffmpeg/media-tools'
import { createSilentLogger, type Logger } from '../platform/logger'
import { ScratchDir, sweepScratch } from '../platform/scratch'
import { appPaths, type AppPaths } from '../platform/paths'
import { FileSecretStore } from '../platform/secrets/file-secret-store'
import type { SecretStore } from '../platform/secrets/secret-store'
import { AssetsRepo } from '../store/assets-repo'
import { BlobStore } from '../store/blob-store'
import { openDatabase, type Db } from '../store/database'
import { snapshotIfDue } from '../store/snapshots'
import { MIGRATIONS } from './migrations'
import { createRouter, type Router } from './router'

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
  /**
   * Set false for short CLI commands that must not pick up queued work: such a process writes
   * nothing but what its routes write (no lease, no scratch folder, no sweeping).
   */
  runJobs?: boolean
  /** A long-running process (the app, `framewise serve`) also tidies the library now and then. */
  housekeeping?: boolean
}

/** The features' services, for the shells and for tests; the faces call the core through `router`. */
export type AppServices = ReturnType<typeof wireFeatures>['services']

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
const HOUSEKEEPING_INTERVAL_MS = 6 * 60 * 60 * 1000
/** A dead process's scratch folder is removed once nobody touched it for this long. */
const SCRATCH_GRACE_MS = 10 * 60 * 1000

/** The composition root: the only place that wires features to the layers below them. */
export function createApp(config: AppConfig): FramewiseApp {
  const paths = appPaths(config.dataDir)
  mkdirSync(paths.dataDir, { recursive: true })
  const works = config.runJobs !== false
  // Each working process stages temporary files in a folder of its own (ADR 011).
  const scratch = new ScratchDir(paths.tmpDir)
  if (works) {
    mkdirSync(paths.stagingDir, { recursive: true })
    sweepScratch(paths.tmpDir, { graceMs: SCRATCH_GRACE_MS, isAlive: isProcessAlive })
    scratch.ensure()
  }
  const env = config.env ?? process.env
  const logger = config.logger ?? createSilentLogger()
  const strict = config.strict ?? env.NODE_ENV !== 'production'
  const db = openDatabase({
    file: paths.dbFile,
    backupsDir: paths.backupsDir,
    nativeBinding: config.nativeBinding,
    migrations: MIGRATIONS
  })
  const bus = new EventBus(strict)
  const workPaths = { ...paths, tmpDir: scratch.path }
  const { services, handlers } = wireFeatures(config, { paths: workPaths, db, bus, logger, env, scratch })
  const router = createRouter(handlers, { validateOutput: strict, logger })

  const snapshotTimer = setInterval(() => snapshot(db, paths, logger), SNAPSHOT_INTERVAL_MS)
  snapshotTimer.unref()
  if (works) {
    services.jobs.start()
    services.health.start()
  }
  const tidyTimer = config.housekeeping && works ? startHousekeeping(services.jobs) : null
  let closed = false

  return {
    paths,
    db,
    bus,
    router,
    services,
    logger,
    async close() {
      // A second close (a test's cleanup after the test closed it) finds nothing left to do.
      if (closed) return
      closed = true
      clearInterval(snapshotTimer)
      if (tidyTimer) clearInterval(tidyTimer)
      services.health.stop()
      await services.voice.dispose()
      await services.jobs.dispose()
      db.close()
      scratch.dispose()
    }
  }
}

/** Garbage collection of files/ as a job: queued now and every few hours, never run inline. */
function startHousekeeping(jobs: JobQueue): NodeJS.Timeout {
  const queue = () => jobs.enqueue({ kind: GC_JOB, title: 'files/', payload: {}, dedupeKey: GC_JOB })
  queue()
  const timer = setInterval(queue, HOUSEKEEPING_INTERVAL_MS)
  timer.unref()
  return timer
}

function snapshot(db: Db, paths: AppPaths, logger: Logger): void {
  try {
    snapshotIfDue(db, paths.backupsDir, { intervalMs: SNAPSHOT_INTERVAL_MS, keep: 5 })
  } catch (error) {
    logger.warn('snapshot failed', { error: String(error) })
  }
}

interface Core {
  scratch: ScratchDir
  paths: AppPaths
  db: Db
  bus: EventBus
  logger: Logger
  env: NodeJS.ProcessEnv
}

function wireFeatures(config: AppConfig, core: Core) {
  const { paths, db, bus, logger, env, scratch } = core
  const assets = new AssetsRepo(db)
  const blobs = new BlobStore({ db, blobsDir: paths.blobsDir, tmpDir: () => scratch.ensure() })
  const jobs = new JobQueue({ repo: new JobsRepo(db), bus, logger, takeOver: config.housekeeping === true })
  jobs.register(gcJobKind({ blobs }))
  const settings = settingsFeature({ db, bus })
  const media = new MediaTools({
    paths: () => settings.services.settings.get(),
    env,
    capabilitiesFile: join(paths.cacheDir, 'ffmpeg-capabilities.json')
  })
  const secrets = config.secretStore ?? new FileSecretStore(paths.secretsFile, env)
  const ai: AiServices = createAiServices({ db, secrets, env, logger, bus, jobs })
  const shared = { db, assets, blobs, media, jobs, bus, paths }
  const system = systemFeature({
    db,
    media,
    dataDir: paths.dataDir,
    version: config.version,
    secrets,
    secretsFile: paths.secretsFile
  })
  const library = libraryFeature(shared)
  const video = videoFeature({ ...shared, mediaFacts: library.services.mediaFacts })
  const audio = audioFeature({ ...shared, ai, importer: library.services.importer })
  const summary = videoSummaryFeature({
    ...shared,
    ai,
    keyframes: video.services.keyframes,
    transcriber: audio.services.transcriber
  })
  const gallery = galleryFeature({ ...shared, ai, importer: library.services.importer, logger })
  const playground = playgroundFeature({
    ...shared,
    ai,
    gallery: gallery.services.gallery,
    importer: library.services.importer,
    logger,
    sources: localSources({
      library: library.services.library,
      transcription: audio.services.transcription,
      summaries: summary.services.summaries,
      keyframes: video.services.keyframes
    })
  })
  const images = imagesFeature({ ...shared, ai, env })
  const voice = voiceFeature({
    db,
    bus,
    paths,
    ai,
    logger,
    env,
    library: library.services.library,
    summaries: summary.services.summaries,
    transcription: audio.services.transcription
  })
  const handlers: Handlers = {
    ...system.handlers,
    ...settings.handlers,
    ...jobsFeature({ jobs }).handlers,
    ...library.handlers,
    ...video.handlers,
    ...summary.handlers,
    ...audio.handlers,
    ...gallery.handlers,
    ...probeFeature({ media }).handlers,
    ...playground.handlers,
    ...images.handlers,
    ...voice.handlers,
    ...providersFeature({ ai }).handlers,
    ...usageFeature({ ai }).handlers
  }
  const services = {
    ...ai,
    ...system.services,
    ...settings.services,
    ...library.services,
    ...video.services,
    ...summary.services,
    ...audio.services,
    ...gallery.services,
    ...playground.services,
    ...images.services,
    ...voice.services,
    jobs,
    media,
    blobs,
    secrets
  }
  return { services, handlers }
}
