import { AI_MIGRATIONS } from '../ai/store/migration'
import { AUDIO_MIGRATIONS } from '../features/audio/migration'
import { GALLERY_MIGRATIONS } from '../features/gallery/migration'
import { IMAGES_MIGRATIONS } from '../features/images/migration'
import { LIBRARY_MIGRATIONS } from '../features/library/migration'
import { PLAYGROUND_MIGRATIONS } from '../features/playground/migration'
import { VIDEO_MIGRATIONS } from '../features/video/migration'
import { JOB_MIGRATIONS } from '../jobs/migration'
import { VIDEO_SUMMARY_MIGRATIONS } from '../features/video-summary/migration'
import { VOICE_MIGRATIONS } from '../features/voice/migration'
import { orderMigrations, STORE_MIGRATIONS } from '../store/migrations'

/** Every migration of the store, the AI layer and the features, in their global order. */
export const MIGRATIONS = orderMigrations(
  STORE_MIGRATIONS,
  AI_MIGRATIONS,
  VIDEO_MIGRATIONS,
  VIDEO_SUMMARY_MIGRATIONS,
  LIBRARY_MIGRATIONS,
  JOB_MIGRATIONS,
  AUDIO_MIGRATIONS,
  GALLERY_MIGRATIONS,
  IMAGES_MIGRATIONS,
  PLAYGROUND_MIGRATIONS,
  VOICE_MIGRATIONS
)
