import { describe, expect, it } from 'vitest'
import { AudioUplink } from '../../../../../src/renderer/src/features/voice/audio/uplink'
import { fakeApi } from '../../../render'

describe('the microphone uplink', () => {
  it('says when every chunk pushed so far has reached the core, so a commit comes after them', async () => {
    const api = fakeApi({ 'voice.audio': () => undefined })
    const uplink = new AudioUplink('s1', () => undefined)
    await uplink.drained() // nothing pushed: at once
    for (let i = 0; i < 3; i++) uplink.push(new Int16Array(960).buffer)
    await uplink.drained()
    const sent = api.calls
      .filter((c) => c.route === 'voice.audio')
      .reduce((bytes, c) => bytes + atob((c.input as { pcm: string }).pcm).length, 0)
    expect(sent).toBe(3 * 960 * 2)
  })
})
