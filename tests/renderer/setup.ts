import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { initI18n } from '../../src/renderer/src/i18n'

// jsdom lacks these browser APIs that Mantine and the virtualizer use.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false
  })
})

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = window.ResizeObserver ?? (ResizeObserverStub as unknown as typeof ResizeObserver)
window.HTMLElement.prototype.scrollIntoView = () => undefined
// Mantine's autosizing textarea listens for web fonts loading.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined }
  })

initI18n('en')
afterEach(() => cleanup())
