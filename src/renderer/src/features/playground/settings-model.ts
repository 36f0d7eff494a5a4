import type { TurnSettings } from '@shared/domain/playground'
import { modelHints } from '@shared/model-hints'

export const DEFAULT_SETTINGS: TurnSettings = {
  api: 'responses',
  stop: [],
  tools: [],
  vectorStoreIds: [],
  functions: [],
  toolChoice: 'auto',
  parallelToolCalls: true,
  localTools: false,
  detail: 'auto'
}

/** Reasoning models (o-series, GPT-5) take an effort instead of temperature and top_p. */
export function isReasoningModel(model: string | undefined): boolean {
  return Boolean(model) && modelHints(model as string).includes('reasoning')
}

/** Verbosity is a GPT-5 parameter; other models refuse any value but the default with a 400. */
export function takesVerbosity(model: string | undefined): boolean {
  return !model || /^gpt-5/i.test(model)
}

/** Settings as they go out: what the chosen model does not take is left out. */
export function forModel(settings: TurnSettings): TurnSettings {
  const reasoning = isReasoningModel(settings.model)
  const out = { ...settings }
  if (reasoning) {
    delete out.temperature
    delete out.topP
  } else {
    delete out.reasoningEffort
    delete out.reasoningSummary
  }
  if (!takesVerbosity(out.model)) delete out.verbosity
  if (out.api === 'chat') {
    out.tools = []
    delete out.reasoningSummary
  }
  return out
}

export const SCHEMA_TEMPLATES: Record<string, Record<string, unknown>> = {
  city: object({ name: { type: 'string' }, country: { type: 'string' }, population: { type: 'integer' } }),
  todo: object({
    title: { type: 'string' },
    items: { type: 'array', items: object({ task: { type: 'string' }, done: { type: 'boolean' } }) }
  }),
  sentiment: object({
    sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
    confidence: { type: 'number' },
    reasons: { type: 'array', items: { type: 'string' } }
  })
}

function object(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false }
}

/** A strict schema that an example JSON value fits: every key required, no others allowed. */
export function schemaFromExample(value: unknown): Record<string, unknown> {
  if (Array.isArray(value))
    return { type: 'array', items: value.length > 0 ? schemaFromExample(value[0]) : { type: 'string' } }
  if (value === null) return { type: 'null' }
  if (typeof value === 'object') {
    const properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaFromExample(v)]))
    return object(properties)
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' }
  if (typeof value === 'boolean') return { type: 'boolean' }
  return { type: 'string' }
}

/** New ids for streams the page follows. */
export function newStreamId(): string {
  return `pg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
