import { lazyModule } from '../platform/lazy-module'

/** The openai SDK, loaded by the first call that needs it (it takes ~60 ms to load). */
export const openaiSdk = lazyModule<typeof import('openai')>('openai')
