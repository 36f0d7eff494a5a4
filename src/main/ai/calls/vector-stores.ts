import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import type OpenAI from 'openai'
import type { AiExecutor, CallContext } from '../executor'
import { unbilled } from './unbilled'
import { openaiSdk } from '../openai-sdk'

/** Files and vector stores for the file_search tool; bookkeeping calls, so no usage rows. */
export function uploadFile(
  exec: AiExecutor,
  path: string,
  purpose: OpenAI.FilePurpose,
  ctx: CallContext
): Promise<OpenAI.Files.FileObject> {
  return unbilled(
    exec,
    { model: 'files', needs: [] },
    async ({ client, signal }) =>
      client.files.create(
        { file: await openaiSdk().toFile(createReadStream(path), basename(path)), purpose },
        { signal }
      ),
    ctx
  )
}

export function createVectorStore(
  exec: AiExecutor,
  name: string,
  fileIds: string[],
  ctx: CallContext
): Promise<OpenAI.VectorStores.VectorStore> {
  return unbilled(
    exec,
    { model: 'vector-store', needs: ['builtinTools'] },
    async ({ client, signal }) => {
      const store = await client.vectorStores.create({ name }, { signal })
      for (const fileId of fileIds)
        await client.vectorStores.files.create(store.id, { file_id: fileId }, { signal })
      return store
    },
    ctx
  )
}

export function listVectorStoreFiles(exec: AiExecutor, storeId: string, ctx: CallContext): Promise<string[]> {
  return unbilled(
    exec,
    { model: 'vector-store', needs: ['builtinTools'] },
    async ({ client, signal }) =>
      (await client.vectorStores.files.list(storeId, {}, { signal })).data.map((f) => f.id),
    ctx
  )
}
