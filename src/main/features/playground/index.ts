import type { AiServices } from '../../ai/wire'
import type { EventBus } from '../../platform/event-bus'
import type { HandlerSlice } from '../feature'
import { AskService } from './ask-service'

/** Trying a model: for now one question at a time (`ai.ask`), on either API. */
export function playgroundFeature(deps: { ai: AiServices; bus: EventBus }) {
  const asker = new AskService({ ai: deps.ai.ai, bus: deps.bus })
  const handlers: HandlerSlice<'ai.ask'> = { 'ai.ask': (input) => asker.ask(input) }
  return { services: { asker }, handlers }
}
