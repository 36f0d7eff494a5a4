import { z } from 'zod'

export const VideoStreamInfo = z.object({
  index: z.number().int(),
  codec: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Size after the display rotation is applied, i.e. as a viewer sees it. */
  displayWidth: z.number().int(),
  displayHeight: z.number().int(),
  fps: z.number().nullable(),
  avgFps: z.number().nullable(),
  variableFrameRate: z.boolean(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  pixelFormat: z.string().nullable(),
  frameCount: z.number().int().nullable()
})

export const AudioStreamInfo = z.object({
  index: z.number().int(),
  codec: z.string(),
  sampleRate: z.number().nullable(),
  channels: z.number().nullable()
})

/** What `framewise probe` and the `media.probe` route report about a file on disk. */
export const ProbeReport = z.object({
  container: z.string(),
  durationS: z.number().nullable(),
  durationSource: z.enum(['format', 'stream', 'packets', 'unknown']),
  startTime: z.number(),
  bitrate: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  title: z.string().nullable(),
  video: VideoStreamInfo.nullable(),
  audio: AudioStreamInfo.nullable(),
  keyframes: z
    .object({
      count: z.number().int(),
      packets: z.number().int(),
      meanGopS: z.number().nullable(),
      /** Keyframe times in player time (container start removed). */
      times: z.array(z.number())
    })
    .nullable()
})
export type ProbeReport = z.infer<typeof ProbeReport>
