import type { TFunction } from 'i18next'
import { ACTIVE_JOB_STATES, type Job } from '@shared/domain/job'

export function jobKindLabel(t: TFunction, kind: string): string {
  return t(`jobs.kinds.${kind}`, { defaultValue: t('jobs.kinds.other') })
}

export function jobStageLabel(t: TFunction, stage: string | null): string | null {
  return stage ? t(`jobs.stages.${stage}`, { defaultValue: stage }) : null
}

export function isActive(job: Job): boolean {
  return ACTIVE_JOB_STATES.includes(job.state)
}

export const STATE_COLOR: Record<Job['state'], string> = {
  queued: 'gray',
  running: 'indigo',
  waiting: 'yellow',
  interrupted: 'orange',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'gray'
}

/** What an active job is waiting for, in words, or null while it simply runs. */
export function jobWaitNote(t: TFunction, job: Job): string | null {
  if (job.state === 'waiting') return t('video.progress.offline')
  if (job.stage === 'waiting-for-rate-limit') return t('video.progress.rateLimit')
  if (job.state === 'queued') return t('video.progress.queued')
  return null
}
