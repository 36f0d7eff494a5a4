import { describe, expect, it } from 'vitest'
import { isTrustedUrl } from '../../../src/main/electron/trusted-origin'

const rendererRoot = 'file:///opt/Framewise/resources/app.asar/out/renderer'

describe('isTrustedUrl (IPC sender check)', () => {
  it('accepts the built renderer and, in development, exactly the dev server origin', () => {
    expect(isTrustedUrl(`${rendererRoot}/index.html`, { rendererRoot })).toBe(true)
    expect(isTrustedUrl(`${rendererRoot}/index.html#/video/1`, { rendererRoot })).toBe(true)
    const devUrl = 'http://localhost:5173/'
    expect(isTrustedUrl('http://localhost:5173/#/library', { devUrl, rendererRoot })).toBe(true)
  })

  it('refuses origins that only start like the dev origin', () => {
    const devUrl = 'http://localhost:5173'
    expect(isTrustedUrl('http://localhost:51730/', { devUrl, rendererRoot })).toBe(false)
    expect(isTrustedUrl('http://localhost:5173.evil.example/', { devUrl, rendererRoot })).toBe(false)
    expect(isTrustedUrl('https://localhost:5173/', { devUrl, rendererRoot })).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', { rendererRoot })).toBe(false)
  })

  it('refuses files outside the renderer folder and folders that merely share its prefix', () => {
    expect(
      isTrustedUrl('file:///opt/Framewise/resources/app.asar/out/renderer-evil/index.html', { rendererRoot })
    ).toBe(false)
    expect(isTrustedUrl(`${rendererRoot}/../main/index.js`, { rendererRoot })).toBe(false)
    expect(isTrustedUrl('file:///tmp/index.html', { rendererRoot })).toBe(false)
    expect(isTrustedUrl('not a url', { rendererRoot })).toBe(false)
    expect(isTrustedUrl('data:text/html,hi', { devUrl: 'data:text/html,hi', rendererRoot })).toBe(false)
  })
})
