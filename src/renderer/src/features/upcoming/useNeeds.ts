import { useQuery } from '@tanstack/react-query'
import type { Capability, Provider } from '@shared/domain/provider'
import { useProviders } from '../../api/ai-hooks'
import { call } from '../../api/client'
import { useDoctor } from '../../api/hooks'
import { queryKeys } from '../../api/query-keys'

export type NeedId = 'mediaTools' | 'provider' | 'libraryImages' | Capability

/** A provider that can be called: it has a key, or it runs on this machine. */
const usable = (p: Provider): boolean => p.hasKey || p.local

/** Whether each prerequisite of an upcoming page holds now; undefined while it is being checked. */
export function useNeeds(): Partial<Record<NeedId, boolean>> {
  const { data: providers } = useProviders()
  const { data: doctor } = useDoctor()
  const { data: images } = useQuery({
    queryKey: [...queryKeys.library, 'count', 'image'],
    queryFn: () => call('library.list', { kind: 'image', limit: 1, offset: 0 })
  })
  const ready = providers?.filter(usable)
  const can = (capability: Capability) => ready && ready.some((p) => p.capabilities[capability])
  return {
    mediaTools: doctor && doctor.ffmpeg.ok && doctor.ffprobe.ok,
    provider: ready && ready.length > 0,
    libraryImages: images && images.total > 0,
    vision: can('vision'),
    transcription: can('transcription'),
    imageGeneration: can('imageGeneration'),
    batch: can('batch')
  }
}
