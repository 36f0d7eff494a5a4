import { EventEmitter } from 'node:events'
import { events, type EventName, type EventPayload } from '@shared/contract'

type AnyListener = (name: EventName, payload: unknown) => void

/** Typed in-process pub/sub; transports (IPC, SSE, CLI) subscribe with onAny. */
export class EventBus {
  private readonly emitter = new EventEmitter()

  constructor(private readonly validate = false) {
    this.emitter.setMaxListeners(0)
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    if (this.validate) events[name].parse(payload)
    this.emitter.emit(name, payload)
    this.emitter.emit('*', name, payload)
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    this.emitter.on(name, listener)
    return () => this.emitter.off(name, listener)
  }

  onAny(listener: AnyListener): () => void {
    this.emitter.on('*', listener)
    return () => this.emitter.off('*', listener)
  }
}
