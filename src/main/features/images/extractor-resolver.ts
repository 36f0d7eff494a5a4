import { ExtractorDraft, type Extractor, type ExtractorRef, type ImageDetail } from '@shared/domain/extract'
import { AppError } from '@shared/errors'
import { fieldsFromSchema, schemaFromFields } from '@shared/extractor-schema'
import { lintStrictSchema } from '../../ai/schema-lint'
import { extractorVersion, type ExtractorsRepo } from './extractors-repo'
import { builtinId } from './templates'

/** What a run needs of its extractor, however it was named. */
export interface ResolvedExtractor {
  extractorId: string | null
  name: string
  instructions: string
  schema: Record<string, unknown>
  version: string
  detail: ImageDetail
  model: string | null
}

/** Refuses a schema strict structured outputs would reject, before anything is stored or sent. */
export function assertLintedSchema(schema: unknown): void {
  const issues = lintStrictSchema(schema)
  if (issues.length === 0) return
  const list = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')
  throw new AppError(
    'AI_SCHEMA_INVALID',
    `The schema does not meet strict structured-output rules — ${list}`,
    {
      issues
    }
  )
}

export class ExtractorResolver {
  constructor(private readonly repo: ExtractorsRepo) {}

  list(): Extractor[] {
    return this.repo.list()
  }

  resolve(ref: ExtractorRef): ResolvedExtractor {
    if ('schema' in ref) {
      assertLintedSchema(ref.schema)
      return {
        extractorId: null,
        name: ref.name ?? 'custom',
        instructions: ref.instructions,
        schema: ref.schema,
        version: extractorVersion(ref.instructions, ref.schema),
        detail: 'auto',
        model: null
      }
    }
    const id = 'template' in ref ? builtinId(ref.template) : ref.extractorId
    const found = this.repo.get(id)
    if (!found) throw new AppError('NOT_FOUND', `No extractor ${id}.`)
    return { ...found, extractorId: found.id }
  }

  /** Saves a user extractor; a built-in one is saved as an editable copy. */
  save(input: ExtractorDraft): Extractor {
    const draft = ExtractorDraft.parse(input)
    if (!draft.schema && !draft.fields)
      throw new AppError('VALIDATION_FAILED', 'An extractor needs a schema or a table of fields.')
    const schema = draft.fields ? schemaFromFields(draft.fields) : (draft.schema as Record<string, unknown>)
    assertLintedSchema(schema)
    const copy = !draft.id || draft.id.startsWith('builtin:')
    if (!copy && !this.repo.get(draft.id as string))
      throw new AppError('NOT_FOUND', `No extractor ${draft.id}.`)
    return this.repo.save(
      {
        name: draft.name,
        template: draft.template,
        instructions: draft.instructions,
        schema,
        fields: draft.fields ?? fieldsFromSchema(schema),
        detail: draft.detail,
        model: draft.model
      },
      copy ? undefined : draft.id
    )
  }

  delete(id: string): void {
    if (id.startsWith('builtin:')) throw new AppError('CONFLICT', 'Built-in templates cannot be deleted.')
    if (!this.repo.delete(id)) throw new AppError('NOT_FOUND', `No extractor ${id}.`)
  }
}
