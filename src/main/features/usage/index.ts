import type { AiServices } from '../../ai/wire'
import type { HandlerSlice } from '../feature'

/** The Usage page: cost per day and model, recent calls, and the editable price table. */
export function usageFeature(deps: { ai: AiServices }) {
  const { usage, prices } = deps.ai
  const handlers: HandlerSlice<
    'usage.summary' | 'usage.recent' | 'prices.list' | 'prices.update' | 'prices.reset'
  > = {
    'usage.summary': (range) => usage.summary(range),
    'usage.recent': ({ limit }) => usage.recent(limit),
    'prices.list': () => prices.list(),
    'prices.update': (price) => prices.update(price),
    'prices.reset': ({ model }) => prices.reset(model)
  }
  return { handlers }
}
