import type { Capabilities, ProviderKind } from '@shared/domain/provider'

export interface ProviderPreset {
  kind: ProviderKind
  name: string
  baseURL: string
  /** A key is required (local servers take any or none). */
  needsKey: boolean
  local: boolean
  capabilities: Capabilities
  /** Offered in the model pickers before (or without) a /models listing. */
  catalog: string[]
  apiVersion?: string
  hint: string
}

const none: Capabilities = {
  chat: false,
  responses: false,
  vision: false,
  structuredOutputs: false,
  functionTools: false,
  builtinTools: false,
  reasoningEffort: false,
  transcription: false,
  speech: false,
  imageGeneration: false,
  batch: false,
  realtime: false
}
const all: Capabilities = Object.fromEntries(Object.keys(none).map((k) => [k, true])) as Capabilities
const chatOnly = (extra: Partial<Capabilities>): Capabilities => ({
  ...none,
  chat: true,
  functionTools: true,
  ...extra
})

export const OPENAI_CATALOG = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'o3',
  'o4-mini',
  'gpt-4o',
  'gpt-4o-mini',
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'tts-1',
  'tts-1-hd',
  'gpt-4o-mini-tts',
  'gpt-image-1',
  'dall-e-3',
  'gpt-realtime'
]

export const PRESETS: Record<ProviderKind, ProviderPreset> = {
  openai: {
    kind: 'openai',
    name: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    needsKey: true,
    local: false,
    capabilities: all,
    catalog: OPENAI_CATALOG,
    hint: 'platform.openai.com → API keys. From mainland China set a proxy, or use Azure OpenAI (China regions) below.'
  },
  azure: {
    kind: 'azure',
    name: 'Azure OpenAI',
    baseURL: 'https://YOUR-RESOURCE.openai.azure.com',
    needsKey: true,
    local: false,
    capabilities: { ...all, builtinTools: false, realtime: false },
    catalog: OPENAI_CATALOG,
    apiVersion: '2025-04-01-preview',
    hint: 'Endpoint of your resource (…openai.azure.com, or …openai.azure.cn in Azure China), the API version, and one deployment per model.'
  },
  openrouter: {
    kind: 'openrouter',
    name: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    needsKey: true,
    local: false,
    capabilities: chatOnly({ vision: true, structuredOutputs: true, reasoningEffort: true }),
    catalog: [
      'openai/gpt-5',
      'openai/gpt-5-mini',
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'anthropic/claude-sonnet-4',
      'google/gemini-2.5-flash'
    ],
    hint: 'openrouter.ai → Keys. Model names include the vendor, e.g. openai/gpt-4o.'
  },
  deepseek: {
    kind: 'deepseek',
    name: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    needsKey: true,
    local: false,
    capabilities: chatOnly({}),
    catalog: ['deepseek-chat', 'deepseek-reasoner'],
    hint: 'platform.deepseek.com — reachable from mainland China. Text only; JSON mode without strict schemas.'
  },
  qwen: {
    kind: 'qwen',
    name: 'Qwen (DashScope)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    needsKey: true,
    local: false,
    capabilities: chatOnly({ vision: true }),
    catalog: ['qwen-plus', 'qwen-max', 'qwen-turbo', 'qwen-vl-max', 'qwen-vl-plus'],
    hint: 'Alibaba Cloud Model Studio (mainland China). Outside China use https://dashscope-intl.aliyuncs.com/compatible-mode/v1.'
  },
  ollama: {
    kind: 'ollama',
    name: 'Ollama',
    baseURL: 'http://127.0.0.1:11434/v1',
    needsKey: false,
    local: true,
    capabilities: chatOnly({ vision: true, structuredOutputs: true }),
    catalog: ['llama3.2', 'qwen2.5', 'llava'],
    hint: 'Runs on this computer; no key, no proxy. Models come from `ollama pull`.'
  },
  lmstudio: {
    kind: 'lmstudio',
    name: 'LM Studio',
    baseURL: 'http://127.0.0.1:1234/v1',
    needsKey: false,
    local: true,
    capabilities: chatOnly({ vision: true, structuredOutputs: true }),
    catalog: [],
    hint: 'Start the local server in LM Studio (Developer tab); no key, no proxy.'
  },
  custom: {
    kind: 'custom',
    name: 'OpenAI-compatible',
    baseURL: 'http://127.0.0.1:8000/v1',
    needsKey: false,
    local: false,
    capabilities: chatOnly({}),
    catalog: [],
    hint: 'Any server that speaks the OpenAI API (a relay, vLLM, a gateway). Turn on what it supports below.'
  }
}

/** Loopback and private-network hosts never go through a proxy. */
export function isLocalUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
    return (
      host === 'localhost' ||
      host === '::1' ||
      /^127\./.test(host) ||
      /^10\./.test(host) ||
      /^192\.168\./.test(host) ||
      /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
      host.endsWith('.local')
    )
  } catch {
    return false
  }
}
