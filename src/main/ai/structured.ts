import type Ajv from 'ajv'
import { z } from 'zod'
import { AppError } from '@shared/errors'
import { refuseNonStrictSchema } from './schema-lint'
import { lazyModule } from '../platform/lazy-module'

const ajvModule = lazyModule<typeof import('ajv')>('ajv')

/** A JSON schema for structured output, with the check its results must pass when they come back. */
export interface StructuredSchema {
  name: string
  schema: Record<string, unknown>
  strict: boolean
  validate(value: unknown): { ok: true; value: unknown } | { ok: false; message: string }
}

/** From a zod schema (the pipelines' own result types). */
export function schemaFromZod<T extends z.ZodType>(name: string, type: T): StructuredSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(type) as Record<string, unknown>
  return {
    name,
    schema,
    strict: true,
    validate: (value) => {
      const parsed = type.safeParse(value)
      if (parsed.success) return { ok: true, value: parsed.data }
      const issue = parsed.error.issues[0]
      return { ok: false, message: `${issue?.path.join('.') || 'result'}: ${issue?.message ?? 'invalid'}` }
    }
  }
}

/** From a plain JSON Schema (the CLI's --schema file, the playground). */
export function schemaFromJson(
  name: string,
  schema: Record<string, unknown>,
  strict = true
): StructuredSchema {
  const { $schema: _ignored, ...clean } = schema
  const Validator = ajvModule().default
  const ajv = new Validator({ allErrors: false, strict: false })
  let check: ReturnType<Ajv['compile']>
  try {
    check = ajv.compile(clean)
  } catch (error) {
    throw new AppError('AI_SCHEMA_INVALID', `The JSON schema cannot be compiled: ${(error as Error).message}`)
  }
  return {
    name: name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'result',
    schema: clean,
    strict,
    validate: (value) =>
      check(value)
        ? { ok: true, value }
        : {
            ok: false,
            message: `${check.errors?.[0]?.instancePath || 'result'} ${check.errors?.[0]?.message ?? 'is invalid'}`
          }
  }
}

/** Refuses a schema strict mode would reject, before anything is sent, naming each offending path. */
export function assertStrictSchema(schema: StructuredSchema): void {
  if (!schema.strict) return
  refuseNonStrictSchema(
    schema.schema,
    `The schema “${schema.name}” does not meet strict structured-output rules`
  )
}

/** Parses and checks the model's JSON; keeps the raw text in the error when it does not fit. */
export function parseStructured(text: string | null, schema: StructuredSchema): unknown {
  if (text === null)
    throw new AppError('AI_BAD_RESPONSE', 'The model returned no JSON.', { retryable: false })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new AppError(
      'AI_BAD_RESPONSE',
      'The model’s answer is not valid JSON. Turn on strict structured outputs (strict: true) or use a model that supports them.',
      { raw: text.slice(0, 20_000), retryable: false }
    )
  }
  const checked = schema.validate(value)
  if (!checked.ok) {
    throw new AppError(
      'AI_BAD_RESPONSE',
      `The model’s JSON does not match the schema (${checked.message}).`,
      { raw: text.slice(0, 20_000), retryable: false }
    )
  }
  return checked.value
}
