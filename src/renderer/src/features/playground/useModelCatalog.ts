import { suits } from '@shared/model-hints'
import { useProviders } from '../../api/ai-hooks'

/** Chat models the chosen (or default) provider lists, and whether any provider can be called. */
export function useModelCatalog(providerId: string | undefined) {
  const { data: providers, isPending } = useProviders()
  const provider = providers?.find((p) => (providerId ? p.id === providerId : p.isDefault)) ?? providers?.[0]
  const models = (provider?.models ?? []).filter((m) => suits(m, 'chat'))
  const usable = (providers ?? []).some((p) => p.hasKey || p.local)
  return { provider, models, usable, checked: !isPending }
}
