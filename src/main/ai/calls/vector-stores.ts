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

/** Adds an uploaded file to a store; the status says whether it is indexed yet. */
export function addVectorStoreFile(
  exec: AiExecutor,
  storeId: string,
  fileId: string,
  ctx: CallContext
): Promise<OpenAI.VectorStores.VectorStoreFile> {
  return unbilled(
    exec,
    { model: 'vector-store', needs: ['builtinTools'] },
    async ({ client, signal }) => client.vectorStores.files.create(storeId, { file_id: fileId }, { signal }),
    ctx
  )
}

export function deleteVectorStore(exec: AiExecutor, storeId: string, ctx: CallContext): Promise<boolean> {
  return unbilled(
    exec,
    { model: 'vector-store', needs: ['builtinTools'] },
    async ({ client, signal }) => (await client.vectorStores.delete(storeId, { signal })).deleted,
    ctx
  )
}

/** The bytes of a file the code interpreter wrote in its container. */
export function downloadContainerFile(
  exec: AiExecutor,
  containerId: string,
  fileId: string,
  ctx: CallContext
): Promise<Buffer> {
  return unbilled(
    exec,
    { model: 'container-file', needs: ['builtinTools'] },
    async ({ client, signal }) => {
      const response = await client.containers.files.content.retrieve(
        fileId,
        { container_id: containerId },
        { signal }
      )
      return Buffer.from(await response.arrayBuffer())
    },
    ctx
  )
}
