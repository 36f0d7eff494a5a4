import { AppError } from '@shared/errors'
/** Strict structured-output rules, checked before anything is sent (limits from the product seed). */
export const SCHEMA_LIMITS = { maxDepth: 5, maxProperties: 100, maxEnumValues: 500, maxEnumChars: 7500 }

const UNSUPPORTED = [
  'not',
  'allOf',
  'oneOf',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'patternProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'minContains',
  'maxContains',
  'minProperties',
  'maxProperties'
]

export interface SchemaIssue {
  /** JSON-pointer-like path, e.g. "#/properties/chapters/items". */
  path: string
  message: string
}

type Node = Record<string, unknown>

interface LintState {
  issues: SchemaIssue[]
  properties: number
  enumValues: number
  enumChars: number
  defs: Record<string, unknown>
}

export function lintStrictSchema(schema: unknown): SchemaIssue[] {
  const state: LintState = { issues: [], properties: 0, enumValues: 0, enumChars: 0, defs: {} }
  if (!isNode(schema)) return [{ path: '#', message: 'The schema must be a JSON object.' }]
  if (schema.type !== 'object')
    state.issues.push({
      path: '#',
      message: 'The root must be an object (type: "object"), not anyOf or another type.'
    })
  state.defs = {
    ...((schema.$defs as Record<string, unknown>) ?? {}),
    ...((schema.definitions as Record<string, unknown>) ?? {})
  }
  visit(schema, '#', 1, state)
  for (const [name, def] of Object.entries(state.defs)) visit(def, `#/$defs/${name}`, 1, state)
  if (state.properties > SCHEMA_LIMITS.maxProperties) {
    state.issues.push({
      path: '#',
      message: `The schema has ${state.properties} properties; strict mode allows at most ${SCHEMA_LIMITS.maxProperties}.`
    })
  }
  if (state.enumValues > SCHEMA_LIMITS.maxEnumValues) {
    state.issues.push({
      path: '#',
      message: `The schema has ${state.enumValues} enum values; at most ${SCHEMA_LIMITS.maxEnumValues} are allowed.`
    })
  }
  if (state.enumValues > 250 && state.enumChars > SCHEMA_LIMITS.maxEnumChars) {
    state.issues.push({
      path: '#',
      message: `Enum values total ${state.enumChars} characters; over 250 values they may total at most ${SCHEMA_LIMITS.maxEnumChars}.`
    })
  }
  return state.issues
}

function visit(node: unknown, path: string, depth: number, state: LintState): void {
  if (!isNode(node)) return
  for (const keyword of UNSUPPORTED) {
    if (keyword in node)
      state.issues.push({
        path,
        message: `“${keyword}” is not supported in strict mode${keyword === 'oneOf' ? ' (use anyOf)' : ''}.`
      })
  }
  if (Array.isArray(node.enum)) {
    state.enumValues += node.enum.length
    state.enumChars += node.enum.reduce<number>((sum, v) => sum + String(v).length, 0)
  }
  const isObject =
    node.type === 'object' ||
    (Array.isArray(node.type) && node.type.includes('object')) ||
    'properties' in node
  if (isObject) checkObject(node, path, depth, state)
  if (isNode(node.items)) visit(node.items, `${path}/items`, depth + 1, state)
  if (Array.isArray(node.anyOf)) {
    if (path === '#') state.issues.push({ path, message: 'The root may not be anyOf.' })
    node.anyOf.forEach((option, i) => visit(option, `${path}/anyOf/${i}`, depth, state))
  }
}

function checkObject(node: Node, path: string, depth: number, state: LintState): void {
  if (depth > SCHEMA_LIMITS.maxDepth) {
    state.issues.push({
      path,
      message: `Objects are nested ${depth} levels deep here; strict mode allows ${SCHEMA_LIMITS.maxDepth}.`
    })
  }
  if (node.additionalProperties !== false) {
    state.issues.push({ path, message: 'Set "additionalProperties": false on every object.' })
  }
  const properties = isNode(node.properties) ? node.properties : {}
  const names = Object.keys(properties)
  state.properties += names.length
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : [])
  for (const name of names) {
    if (!required.has(name)) {
      state.issues.push({
        path: `${path}/properties/${name}`,
        message: `“${name}” must be listed in "required" (make it nullable instead of optional).`
      })
    }
    visit(properties[name], `${path}/properties/${name}`, depth + 1, state)
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Throws AI_SCHEMA_INVALID when a schema breaks strict mode, before anything is sent: `what` names
 * the schema in the message, which lists the first five offending paths.
 */
export function refuseNonStrictSchema(schema: unknown, what: string): void {
  const issues = lintStrictSchema(schema)
  if (issues.length === 0) return
  const list = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')
  throw new AppError('AI_SCHEMA_INVALID', `${what} — ${list}`, { issues })
}
