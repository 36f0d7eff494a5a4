import { AppError } from '@shared/errors'
import { proxyFor } from '../../ai/client-factory'
import type { ResolvedProvider } from '../../ai/provider-service'

export interface RealtimeEndpoint {
  url: string
  headers: Record<string, string>
  /** The provider's proxy (or HTTPS_PROXY), tunnelled with CONNECT; never for local servers. */
  proxy: string | null
}

/**
 * The GA WebSocket address and auth for a provider: `<base>/realtime?model=` with a Bearer key, or
 * Azure's `/openai/v1/realtime?model=<deployment>` with an `api-key` header. No OpenAI-Beta header:
 * that would ask for the retired beta protocol.
 */
export function realtimeEndpoint(
  resolved: ResolvedProvider,
  model: string,
  env: NodeJS.ProcessEnv = process.env
): RealtimeEndpoint {
  const { row, provider, apiKey } = resolved
  if (!provider.capabilities.realtime) {
    throw new AppError(
      'PROVIDER_UNSUPPORTED',
      `${provider.name} does not offer the Realtime API (turn it on in Settings → Providers if it does).`,
      { providerId: provider.id, capability: 'realtime' }
    )
  }
  const base = toWebSocketBase(row.baseURL)
  const proxy = proxyFor(resolved, env)
  if (row.kind === 'azure') {
    const deployment = row.deployments[model] ?? model
    const root = base.replace(/\/openai(\/v1)?$/, '')
    return {
      url: `${root}/openai/v1/realtime?model=${encodeURIComponent(deployment)}`,
      headers: apiKey ? { 'api-key': apiKey } : {},
      proxy
    }
  }
  return {
    url: `${base}/realtime?model=${encodeURIComponent(model)}`,
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    proxy
  }
}

function toWebSocketBase(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/^http(s?):\/\//i, (_, s: string) => `ws${s}://`)
}
