import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { externalUrl } from '../../../src/main/electron/external-links'
import { mediaResponse } from '../../../src/main/electron/media-response'
import { allowPermissionCheck, allowPermissionRequest } from '../../../src/main/electron/permissions'
import { tempDir } from '../../support/temp'

const trusted = { rendererRoot: 'file:///opt/Framewise/resources/app.asar/out/renderer' }
const own = `${trusted.rendererRoot}/index.html#/voice`
const dev = { ...trusted, devUrl: 'http://localhost:5173/' }

describe('permission requests', () => {
  it('grants the microphone (media, audio only) to our own renderer', () => {
    expect(allowPermissionRequest('media', { requestingUrl: own, mediaTypes: ['audio'] }, trusted)).toBe(true)
    expect(
      allowPermissionRequest(
        'media',
        { requestingUrl: 'http://localhost:5173/#/voice', mediaTypes: ['audio'] },
        dev
      )
    ).toBe(true)
  })

  it('refuses the camera, screen capture, and media without a type', () => {
    expect(allowPermissionRequest('media', { requestingUrl: own, mediaTypes: ['video'] }, trusted)).toBe(
      false
    )
    expect(
      allowPermissionRequest('media', { requestingUrl: own, mediaTypes: ['audio', 'video'] }, trusted)
    ).toBe(false)
    expect(allowPermissionRequest('media', { requestingUrl: own, mediaTypes: [] }, trusted)).toBe(false)
    expect(allowPermissionRequest('media', { requestingUrl: own }, trusted)).toBe(false)
    expect(
      allowPermissionRequest('display-capture', { requestingUrl: own, mediaTypes: ['audio'] }, trusted)
    ).toBe(false)
  })

  it('refuses any other origin, even for audio', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/page.html',
      'http://localhost:51730/',
      'about:blank'
    ])
      expect(allowPermissionRequest('media', { requestingUrl: url, mediaTypes: ['audio'] }, dev)).toBe(false)
  })

  it("lets our own page use the video player's fullscreen button, and no other page", () => {
    expect(allowPermissionRequest('fullscreen', { requestingUrl: own }, trusted)).toBe(true)
    expect(allowPermissionCheck('fullscreen', 'file:///', { requestingUrl: own }, trusted)).toBe(true)
    expect(allowPermissionRequest('fullscreen', { requestingUrl: 'https://evil.example/' }, trusted)).toBe(
      false
    )
  })

  it('refuses every other permission', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'midiSysex',
      'hid'
    ])
      expect(allowPermissionRequest(permission, { requestingUrl: own }, trusted)).toBe(false)
  })

  it('answers checks the same way: audio media for our origin only', () => {
    expect(
      allowPermissionCheck('media', 'file:///', { requestingUrl: own, mediaType: 'audio' }, trusted)
    ).toBe(true)
    expect(
      allowPermissionCheck('media', 'file:///', { requestingUrl: own, mediaType: 'video' }, trusted)
    ).toBe(false)
    expect(
      allowPermissionCheck('media', 'file:///', { requestingUrl: own, mediaType: 'unknown' }, trusted)
    ).toBe(false)
    expect(allowPermissionCheck('media', 'https://evil.example', { mediaType: 'audio' }, trusted)).toBe(false)
    expect(
      allowPermissionCheck(
        'media',
        'http://localhost:5173',
        { requestingUrl: 'https://evil.example/', mediaType: 'audio' },
        dev
      )
    ).toBe(false)
    expect(allowPermissionCheck('media', 'http://localhost:5173', { mediaType: 'audio' }, dev)).toBe(true)
    expect(allowPermissionCheck('geolocation', 'file:///', { requestingUrl: own }, trusted)).toBe(false)
  })
})

describe('external links', () => {
  it('opens only http and https addresses', () => {
    expect(externalUrl('https://platform.openai.com/api-keys')).toBe('https://platform.openai.com/api-keys')
    expect(externalUrl('http://localhost:11434/')).toBe('http://localhost:11434/')
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-settings:privacy',
      'vscode://file/x',
      'framewise-media://files/a.mp4',
      'not a url',
      'https://user:pass@example.com/'
    ])
      expect(externalUrl(url)).toBeNull()
  })
})

describe('framewise-media:// responses', () => {
  it('serves library files with ranges and refuses symlinks that lead outside the library', async () => {
    const library = tempDir()
    const outside = tempDir()
    mkdirSync(join(library, 'ab'), { recursive: true })
    writeFileSync(join(library, 'ab', 'clip.mp4'), '0123456789')
    writeFileSync(join(outside, 'secret.txt'), 'private')
    symlinkSync(join(outside, 'secret.txt'), join(library, 'ab', 'leak.mp4'))
    symlinkSync(outside, join(library, 'out'))
    const ok = await mediaResponse(library, 'framewise-media://files/ab/clip.mp4', 'bytes=2-5')
    expect(ok.status).toBe(206)
    expect(ok.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(await ok.text()).toBe('2345')
    expect((await mediaResponse(library, 'framewise-media://files/ab/leak.mp4', null)).status).toBe(404)
    expect((await mediaResponse(library, 'framewise-media://files/out/secret.txt', null)).status).toBe(404)
    expect((await mediaResponse(library, 'framewise-media://files/../x', null)).status).toBe(404)
    expect((await mediaResponse(library, 'framewise-media://other/ab/clip.mp4', null)).status).toBe(404)
  })
})
