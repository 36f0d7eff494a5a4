import OpenAI, { AzureOpenAI } from 'openai'
import { fetch as undiciFetch, ProxyAgent } from 'undici'
import type { ResolvedProvider } from './provider-service'

/** Non-streaming calls get a generous total timeout; streams are watched for inactivity instead. */
export const REQUEST_TIMEOUT_MS = 15 * 60_000

const agents = new Map<string, ProxyAgent>()

/** The proxy a provider's requests go through: its own setting, else HTTPS_PROXY; never for local servers. */
export function proxyFor(resolved: ResolvedProvider, env: NodeJS.ProcessEnv): string | null {
  if (resolved.provider.local) return null
  return resolved.row.proxy ?? env.HTTPS_PROXY ?? env.https_proxy ?? null
}

function proxiedFetch(proxy: string): typeof fetch {
  let agent = agents.get(proxy)
  if (!agent) {
    agent = new ProxyAgent(proxy)
    agents.set(proxy, agent)
  }
  const dispatcher = agent
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch
}

/** One SDK client per call site; retries are ours (maxRetries 0), so they can honour the provider. */
export function createClient(resolved: ResolvedProvider, env: NodeJS.ProcessEnv = process.env): OpenAI {
  const proxy = proxyFor(resolved, env)
  const common = {
    apiKey: resolved.apiKey ?? 'not-needed',
    maxRetries: 0,
    timeout: REQUEST_TIMEOUT_MS,
    ...(proxy ? { fetch: proxiedFetch(proxy) } : {})
  }
  if (resolved.row.kind === 'azure') {
    return new AzureOpenAI({
      ...common,
      endpoint: resolved.row.baseURL,
      apiVersion: resolved.row.apiVersion ?? '2025-04-01-preview'
    })
  }
  return new OpenAI({ ...common, baseURL: resolved.row.baseURL })
}

/** Azure addresses models by deployment name; everyone else by model name. */
export function wireModel(resolved: ResolvedProvider, model: string): string {
  return resolved.row.kind === 'azure' ? (resolved.row.deployments[model] ?? model) : model
}
