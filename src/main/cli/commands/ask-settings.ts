import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { TurnSettingsInput } from '@shared/domain/playground'
import { AppError } from '@shared/errors'

export interface AskOptions {
  /** Unset: the conversation's API when continuing one, else chat. */
  api?: 'chat' | 'responses'
  model?: string
  provider?: string
  image: string[]
  detail?: 'low' | 'high' | 'auto'
  schema?: string
  reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high'
  reasoningSummary?: 'auto' | 'concise' | 'detailed'
  instructions?: string
  verbosity?: 'low' | 'medium' | 'high'
  temperature?: string
  topP?: string
  maxOutputTokens?: string
  seed?: string
  stop: string[]
  tool: ('web_search' | 'code_interpreter' | 'image_generation' | 'file_search')[]
  vectorStore: string[]
  functions?: string
  toolChoice?: string
  parallelTools: boolean
  localTools?: boolean
  store?: boolean
  conversation?: string
  stream?: boolean
  json?: boolean
}

/** The flags of `framewise ask` as the settings of one Playground turn. */
export async function settingsFrom(options: AskOptions): Promise<TurnSettingsInput> {
  const choice = options.toolChoice
  return {
    api: options.api ?? 'chat',
    model: options.model,
    providerId: options.provider,
    instructions: options.instructions,
    reasoningEffort: options.reasoningEffort,
    reasoningSummary: options.reasoningSummary,
    verbosity: options.verbosity,
    temperature: numberOf(options.temperature, '--temperature'),
    topP: numberOf(options.topP, '--top-p'),
    maxOutputTokens: integerOf(options.maxOutputTokens, '--max-output-tokens'),
    seed: integerOf(options.seed, '--seed'),
    stop: options.stop,
    store: options.store,
    tools: options.tool,
    vectorStoreIds: options.vectorStore,
    functions: options.functions
      ? ((await readJson(options.functions, 'functions')) as TurnSettingsInput['functions'])
      : [],
    toolChoice:
      !choice || ['auto', 'required', 'none'].includes(choice)
        ? ((choice ?? 'auto') as 'auto')
        : { name: choice },
    parallelToolCalls: options.parallelTools,
    localTools: Boolean(options.localTools),
    schema: options.schema
      ? { name: schemaName(options.schema), schema: await schemaFile(options.schema) }
      : undefined,
    detail: options.detail ?? 'high'
  }
}

function numberOf(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value))
    throw new AppError('VALIDATION_FAILED', `${flag} takes a number, not “${text}”.`)
  return value
}

function integerOf(text: string | undefined, flag: string): number | undefined {
  const value = numberOf(text, flag)
  if (value !== undefined && !Number.isInteger(value))
    throw new AppError('VALIDATION_FAILED', `${flag} takes a whole number, not “${text}”.`)
  return value
}

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Could not read the ${what} file ${file}: ${(error as Error).message}`
    )
  }
}

async function schemaFile(file: string): Promise<Record<string, unknown>> {
  const parsed = await readJson(file, 'schema')
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AppError('VALIDATION_FAILED', 'The schema file must hold a JSON object.')
  return parsed as Record<string, unknown>
}

function schemaName(file: string): string {
  return (
    basename(file)
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9_-]/g, '_')
      .slice(0, 64) || 'answer'
  )
}
