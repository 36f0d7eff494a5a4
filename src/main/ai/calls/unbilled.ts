import type { Capability } from '@shared/domain/provider'
import type { AiExecutor, CallContext, RunArgs } from '../executor'
import { NO_USAGE } from '../usage-parse'

/**
 * A bookkeeping call (upload a file, read a batch's status or output, manage a vector store):
 * retried and routed like any other, but it writes no usage row and returns just the value.
 */
export async function unbilled<T>(
  exec: AiExecutor,
  spec: { model: string; needs: Capability[] },
  run: (args: RunArgs) => Promise<T>,
  ctx: CallContext
): Promise<T> {
  const out = await exec.execute(
    {
      api: 'files',
      model: spec.model,
      needs: spec.needs,
      billable: false,
      run: async (args) => ({ value: await run(args), usage: NO_USAGE, requestId: null })
    },
    ctx
  )
  return out.value
}
