import type OpenAI from 'openai'
import type { ProxyAgent } from 'undici'
import { lazyModule } from '../platform/lazy-module'
import { openaiSdk } from './openai-sdk'
import type { ResolvedProvider } from './provider-service'

const undici = lazyModule<typeof import('undici')>('undici')

/** Non-streaming calls get a generous total timeout; streams are watched for inactivity instead. */
export const REQUEST_TIMEOUT_MS = 15 * 60_000

const agents = new Map<string, ProxyAgent>()

/** The proxy a provider's requests go through: its own setting, else HTTPS_PROXY; never for local servers. */
export function proxyFor(resolved: ResolvedProvider, env: NodeJS.ProcessEnv): string | null {
  if (resolved.provider.local) return null
  return resolved.row.proxy ?? env.HTTPS_PROXY ?? env.https_proxy ?? null
}

type UndiciFetch = ReturnType<typeof undici>['fetch']

function proxiedFetch(proxy: string): typeof fetch {
  const { fetch: undiciFetch, ProxyAgent: Agent } = undici()
  let agent = agents.get(proxy)
  if (!agent) {
    agent = new Agent(proxy)
    agents.set(proxy, agent)
  }
  const dispatcher = agent
  return ((input: Parameters<UndiciFetch>[0], init?: Parameters<UndiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch
}

/** One SDK client per call site; retries are ours (maxRetries 0), so they can honour the provider. */
export function createClient(resolved: ResolvedProvider, env: NodeJS.ProcessEnv = process.env): OpenAI {
  const { OpenAI: Client, AzureOpenAI } = openaiSdk()
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
  return new Client({ ...common, baseURL: resolved.row.baseURL })
}

/** Azure addresses models by deployment name; everyone else by model name. */
export function wireModel(resolved: ResolvedProvider, model: string): string {
  return resolved.row.kind === 'azure' ? (resolved.row.deployments[model] ?? model) : model
}
