import { basename } from 'node:path'
import type { VectorStoreView } from '@shared/domain/playground'
import { AppError } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { Db } from '../../store/database'

interface StoreRow {
  id: string
  name: string
  provider_id: string | null
  files_json: string
  created_at: string
}

type StoreFile = VectorStoreView['files'][number]

/** Vector stores for file_search: made and filled at the provider, remembered here with their files. */
export class VectorStoreService {
  constructor(private readonly deps: { db: Db; ai: AiService; assets: AssetsRepo; blobs: BlobStore }) {}

  list(): VectorStoreView[] {
    const rows = this.deps.db
      .prepare('SELECT * FROM playground_vector_stores ORDER BY created_at DESC')
      .all() as StoreRow[]
    return rows.map(toView)
  }

  async create(name: string, providerId?: string): Promise<VectorStoreView> {
    const store = await this.deps.ai.createVectorStore(name, [], { providerId: providerId ?? null })
    this.deps.db
      .prepare('INSERT INTO playground_vector_stores (id, name, provider_id, created_at) VALUES (?, ?, ?, ?)')
      .run(store.id, name, providerId ?? null, new Date().toISOString())
    return this.get(store.id)
  }

  /** Uploads each file (purpose assistants) and adds it to the store; its status says if it is indexed. */
  async add(id: string, input: { assetIds: string[]; paths: string[] }): Promise<VectorStoreView> {
    const store = this.get(id)
    const ctx = { providerId: store.providerId }
    const sources = [
      ...input.assetIds.map((assetId) => {
        const asset = this.deps.assets.require(assetId)
        return { path: this.deps.blobs.absolutePath(asset.path), name: asset.name }
      }),
      ...input.paths.map((path) => ({ path, name: basename(path) }))
    ]
    const added: StoreFile[] = []
    for (const source of sources) {
      const file = await this.deps.ai.uploadFile(source.path, 'assistants', ctx)
      const attached = await this.deps.ai.addVectorStoreFile(id, file.id, ctx)
      added.push({ fileId: file.id, name: source.name, status: attached.status })
    }
    this.deps.db
      .prepare('UPDATE playground_vector_stores SET files_json = ? WHERE id = ?')
      .run(JSON.stringify([...store.files, ...added]), id)
    return this.get(id)
  }

  async delete(id: string): Promise<{ ok: boolean }> {
    const store = this.get(id)
    await this.deps.ai.deleteVectorStore(id, { providerId: store.providerId })
    this.deps.db.prepare('DELETE FROM playground_vector_stores WHERE id = ?').run(id)
    return { ok: true }
  }

  private get(id: string): VectorStoreView {
    const row = this.deps.db.prepare('SELECT * FROM playground_vector_stores WHERE id = ?').get(id) as
      StoreRow | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no vector store ${id}.`)
    return toView(row)
  }
}

function toView(row: StoreRow): VectorStoreView {
  return {
    id: row.id,
    name: row.name,
    providerId: row.provider_id,
    files: JSON.parse(row.files_json) as StoreFile[],
    createdAt: row.created_at
  }
}
