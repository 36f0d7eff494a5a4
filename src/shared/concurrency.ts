/**
 * Runs `fn` over `items` with at most `limit` in flight, in order of start. `started` is the
 * 1-based count of items begun so far. Once `signal` aborts, no new item starts.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, started: number) => Promise<void>,
  signal?: AbortSignal
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      signal?.throwIfAborted()
      const index = next++
      await fn(items[index] as T, index + 1)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
