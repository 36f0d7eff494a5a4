/** What a model accepts, so parameters a model rejects are never sent. */
export interface ModelTraits {
  /** o-series and gpt-5 family: no temperature/top_p/max_tokens; reasoning effort instead. */
  reasoning: boolean
  imageModel: 'gpt-image' | 'dall-e-3' | 'dall-e-2' | null
  transcribeJsonOnly: boolean
}

export function modelTraits(model: string): ModelTraits {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  const reasoning = /^(o\d|gpt-5)(?!.*-chat)/.test(name) || name.startsWith('deepseek-reasoner')
  const imageModel = name.startsWith('gpt-image')
    ? 'gpt-image'
    : name.startsWith('dall-e-3')
      ? 'dall-e-3'
      : name.startsWith('dall-e-2')
        ? 'dall-e-2'
        : null
  return { reasoning, imageModel, transcribeJsonOnly: /^gpt-4o(-mini)?-transcribe/.test(name) }
}

type Params = Record<string, unknown>

const SAMPLING = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs'
]

/** Chat completions parameters for this model and provider (capability flags already applied by the caller). */
export function sanitizeChatParams(
  params: Params,
  model: string,
  options: { reasoningEffort: boolean }
): Params {
  const out: Params = { ...params }
  const traits = modelTraits(model)
  if (traits.reasoning) {
    for (const key of SAMPLING) delete out[key]
    if (out.max_tokens !== undefined && out.max_completion_tokens === undefined)
      out.max_completion_tokens = out.max_tokens
    delete out.max_tokens
    if (!options.reasoningEffort) delete out.reasoning_effort
  } else {
    delete out.reasoning_effort
  }
  return dropUndefined(out)
}

/** Responses API parameters for this model. */
export function sanitizeResponsesParams(
  params: Params,
  model: string,
  options: { reasoningEffort: boolean }
): Params {
  const out: Params = { ...params }
  const traits = modelTraits(model)
  if (traits.reasoning) {
    delete out.temperature
    delete out.top_p
    if (!options.reasoningEffort) delete out.reasoning
  } else {
    delete out.reasoning
  }
  return dropUndefined(out)
}

/** Image generation: GPT image models always return base64 and reject response_format; DALL·E 3 takes n=1. */
export function sanitizeImageParams(params: Params, model: string): Params {
  const out: Params = { ...params }
  const kind = modelTraits(model).imageModel
  if (kind === 'gpt-image') {
    delete out.response_format
    delete out.style
  } else {
    delete out.background
    delete out.output_format
    delete out.moderation
    if (out.response_format === undefined) out.response_format = 'b64_json'
  }
  if (kind === 'dall-e-3') out.n = 1
  return dropUndefined(out)
}

function dropUndefined(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))
}
