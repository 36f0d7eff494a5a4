import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import type OpenAI from 'openai'
import { toFile } from 'openai'
import type { AiExecutor, CallContext } from '../executor'
import { NO_USAGE } from '../usage-parse'

/** Files and vector stores for the file_search tool; bookkeeping calls, so no usage rows. */
export async function uploadFile(
  exec: AiExecutor,
  path: string,
  purpose: OpenAI.FilePurpose,
  ctx: CallContext
): Promise<OpenAI.Files.FileObject> {
  const out = await exec.execute(
    {
      api: 'files',
      model: 'files',
      needs: [],
      billable: false,
      run: async ({ client, signal }) => ({
        value: await client.files.create(
          { file: await toFile(createReadStream(path), basename(path)), purpose },
          { signal }
        ),
        usage: NO_USAGE,
        requestId: null
      })
    },
    ctx
  )
  return out.value
}

export async function createVectorStore(
  exec: AiExecutor,
  name: string,
  fileIds: string[],
  ctx: CallContext
): Promise<OpenAI.VectorStores.VectorStore> {
  const out = await exec.execute(
    {
      api: 'files',
      model: 'vector-store',
      needs: ['builtinTools'],
      billable: false,
      run: async ({ client, signal }) => {
        const store = await client.vectorStores.create({ name }, { signal })
        for (const fileId of fileIds)
          await client.vectorStores.files.create(store.id, { file_id: fileId }, { signal })
        return { value: store, usage: NO_USAGE, requestId: null }
      }
    },
    ctx
  )
  return out.value
}

export async function listVectorStoreFiles(
  exec: AiExecutor,
  storeId: string,
  ctx: CallContext
): Promise<string[]> {
  const out = await exec.execute(
    {
      api: 'files',
      model: 'vector-store',
      needs: ['builtinTools'],
      billable: false,
      run: async ({ client, signal }) => {
        const page = await client.vectorStores.files.list(storeId, {}, { signal })
        return { value: page.data.map((f) => f.id), usage: NO_USAGE, requestId: null }
      }
    },
    ctx
  )
  return out.value
}
