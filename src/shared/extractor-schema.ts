import type { ExtractorField } from './domain/extract'

type Json = Record<string, unknown>

/**
 * The strict JSON schema a field table stands for: every field required, no other properties
 * (the strict structured-output rules), enums only on text fields, lists as arrays.
 */
export function schemaFromFields(fields: readonly ExtractorField[]): Json {
  const properties: Json = {}
  for (const field of fields) properties[field.name] = fieldSchema(field)
  return {
    type: 'object',
    properties,
    required: fields.map((f) => f.name),
    additionalProperties: false
  }
}

function fieldSchema(field: ExtractorField): Json {
  const one: Json = { type: field.type }
  if (field.type === 'string' && field.enum.length > 0) one.enum = [...field.enum]
  const described = (schema: Json): Json =>
    field.description ? { ...schema, description: field.description } : schema
  return field.list ? described({ type: 'array', items: one }) : described(one)
}

/** The field table back from a flat schema, when the schema is one a table can show (else null). */
export function fieldsFromSchema(schema: Json): ExtractorField[] | null {
  const properties = schema.properties
  if (schema.type !== 'object' || !properties || typeof properties !== 'object') return null
  const fields: ExtractorField[] = []
  for (const [name, raw] of Object.entries(properties as Record<string, Json>)) {
    const list = raw.type === 'array'
    const one = (list ? raw.items : raw) as Json | undefined
    const type = one?.type
    if (type !== 'string' && type !== 'number' && type !== 'integer' && type !== 'boolean') return null
    const values = Array.isArray(one?.enum) ? (one.enum as unknown[]).map(String) : []
    const description = typeof raw.description === 'string' ? raw.description : ''
    fields.push({ name, type, description, enum: values, list })
  }
  return fields
}

/** Column names of a run's table: top-level properties in schema order. */
export function schemaColumns(schema: Json): string[] {
  const properties = schema.properties
  return properties && typeof properties === 'object' ? Object.keys(properties) : []
}
