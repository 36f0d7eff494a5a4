import { createHash, randomUUID } from 'node:crypto'
import type { Extractor, ExtractorField, ImageDetail, TemplateKey } from '@shared/domain/extract'
import type { Db } from '../../store/database'
import { builtinId, TEMPLATES, type Template } from './templates'

interface Row {
  id: string
  name: string
  template: TemplateKey | null
  instructions: string
  schema_json: string
  fields_json: string | null
  detail: ImageDetail
  model: string | null
  version: string
  updated_at: string
}

/** What results are keyed by: the same instructions and schema are the same extractor version. */
export function extractorVersion(instructions: string, schema: unknown): string {
  return createHash('sha256')
    .update(instructions)
    .update('\u0000')
    .update(JSON.stringify(schema))
    .digest('hex')
    .slice(0, 16)
}

/** A built-in template as an extractor: listed first, never stored, copied when edited. */
export function builtinExtractor(template: Template): Extractor {
  return {
    id: builtinId(template.key),
    name: template.name,
    template: template.key,
    builtin: true,
    instructions: template.instructions,
    schema: template.schema,
    fields: null,
    detail: template.detail,
    model: null,
    version: extractorVersion(template.instructions, template.schema),
    updatedAt: '1970-01-01T00:00:00.000Z'
  }
}

export interface ExtractorValues {
  name: string
  template: TemplateKey | null
  instructions: string
  schema: Record<string, unknown>
  fields: ExtractorField[] | null
  detail: ImageDetail
  model: string | null
}

/** The user's extractors; the built-in templates are added in front when listing. */
export class ExtractorsRepo {
  constructor(private readonly db: Db) {}

  list(): Extractor[] {
    const rows = this.db.prepare('SELECT * FROM extractors ORDER BY updated_at DESC').all() as Row[]
    return [...TEMPLATES.map(builtinExtractor), ...rows.map(toExtractor)]
  }

  get(id: string): Extractor | null {
    const builtin = TEMPLATES.find((t) => builtinId(t.key) === id)
    if (builtin) return builtinExtractor(builtin)
    const row = this.db.prepare('SELECT * FROM extractors WHERE id = ?').get(id) as Row | undefined
    return row ? toExtractor(row) : null
  }

  /** Creates (no id) or updates one; returns it as stored. */
  save(values: ExtractorValues, id?: string): Extractor {
    const now = new Date().toISOString()
    const params = {
      id: id ?? randomUUID(),
      name: values.name,
      template: values.template,
      instructions: values.instructions,
      schemaJson: JSON.stringify(values.schema),
      fieldsJson: values.fields ? JSON.stringify(values.fields) : null,
      detail: values.detail,
      model: values.model,
      version: extractorVersion(values.instructions, values.schema),
      now
    }
    this.db
      .prepare(
        `INSERT INTO extractors (id, name, template, instructions, schema_json, fields_json, detail, model,
           version, created_at, updated_at)
         VALUES (@id, @name, @template, @instructions, @schemaJson, @fieldsJson, @detail, @model, @version, @now, @now)
         ON CONFLICT(id) DO UPDATE SET name = @name, template = @template, instructions = @instructions,
           schema_json = @schemaJson, fields_json = @fieldsJson, detail = @detail, model = @model,
           version = @version, updated_at = @now`
      )
      .run(params)
    return this.get(params.id) as Extractor
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM extractors WHERE id = ?').run(id).changes > 0
  }
}

function toExtractor(row: Row): Extractor {
  return {
    id: row.id,
    name: row.name,
    template: row.template,
    builtin: false,
    instructions: row.instructions,
    schema: JSON.parse(row.schema_json) as Record<string, unknown>,
    fields: row.fields_json ? (JSON.parse(row.fields_json) as ExtractorField[]) : null,
    detail: row.detail,
    model: row.model,
    version: row.version,
    updatedAt: row.updated_at
  }
}
