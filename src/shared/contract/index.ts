import type { z } from 'zod'
import { aiRoutes } from './ai'
import { appRoutes } from './app'
import { audioRoutes } from './audio'
import { galleryRoutes } from './gallery'
import { imagesRoutes } from './images'
import { jobRoutes } from './jobs'
import { libraryRoutes } from './library'
import { mediaRoutes } from './media'
import { playgroundRoutes } from './playground'
import { settingsRoutes } from './settings'
import { videoRoutes } from './video'
import { voiceRoutes } from './voice'

export const routes = {
  ...appRoutes,
  ...libraryRoutes,
  ...mediaRoutes,
  ...jobRoutes,
  ...settingsRoutes,
  ...videoRoutes,
  ...aiRoutes,
  ...audioRoutes,
  ...galleryRoutes,
  ...imagesRoutes,
  ...playgroundRoutes,
  ...voiceRoutes
}

export type Routes = typeof routes
export type RouteName = keyof Routes
export type RouteInput<N extends RouteName> = z.input<Routes[N]['input']>
export type RouteOutput<N extends RouteName> = z.output<Routes[N]['output']>

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(routes, name)
}

export { events, type EventName, type EventPayload } from './events'
