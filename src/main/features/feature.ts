import type { z } from 'zod'
import type { RouteName, RouteOutput, Routes } from '@shared/contract'
import type { JobQueue } from '../jobs/job-queue'
import type { EventBus } from '../platform/event-bus'
import type { MediaTools } from '../platform/ffmpeg/media-tools'
import type { AppPaths } from '../platform/paths'
import type { AssetsRepo } from '../store/assets-repo'
import type { BlobStore } from '../store/blob-store'
import type { Db } from '../store/database'

/** One route's handler: it only delegates to a service (DESIGN §3). */
export type RouteHandler<N extends RouteName> = (
  input: z.output<Routes[N]['input']>
) => Promise<RouteOutput<N>> | RouteOutput<N>

export type Handlers = { [N in RouteName]: RouteHandler<N> }

/** The routes one feature answers; app/ merges the slices and the compiler checks none is missing. */
export type HandlerSlice<N extends RouteName> = Pick<Handlers, N>

/** What app/ hands every feature that works on library files: the store, the queue, media tools. */
export interface CoreDeps {
  db: Db
  assets: AssetsRepo
  blobs: BlobStore
  media: MediaTools
  jobs: JobQueue
  bus: EventBus
  paths: AppPaths
}
