// What an AudioWorkletGlobalScope offers; TypeScript's DOM library does not describe it.
declare const sampleRate: number
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}
