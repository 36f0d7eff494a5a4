import { screen, waitFor } from '@testing-library/react'
import { IconPhoto } from '@tabler/icons-react'
import { describe, expect, it } from 'vitest'
import { CAPABILITIES } from '../../../../src/shared/domain/provider'
import { UpcomingPage } from '../../../../src/renderer/src/features/upcoming/UpcomingPage'
import { fakeApi, renderUi } from '../../render'

const caps = (on: string[]) => Object.fromEntries(CAPABILITIES.map((c) => [c, on.includes(c)]))

const doctor = (ok: boolean) => ({ ffmpeg: { ok }, ffprobe: { ok } })

describe('pages still to come', () => {
  it('ticks what is ready now: a working provider with vision, media tools, images in the library', async () => {
    fakeApi({
      'providers.list': () => [
        { id: 'p', hasKey: true, local: false, capabilities: caps(['chat', 'vision']) }
      ],
      'app.doctor': () => doctor(true),
      'library.list': () => ({ items: [], total: 3 })
    })
    renderUi(<UpcomingPage page="images" icon={IconPhoto} />)
    await waitFor(() => expect(screen.getByTestId('need-vision').getAttribute('data-met')).toBe('true'))
    expect(screen.getByTestId('need-mediaTools').getAttribute('data-met')).toBe('true')
    expect(screen.getByTestId('need-libraryImages').getAttribute('data-met')).toBe('true')
    expect(screen.getByText('Not yet available')).toBeTruthy()
  })

  it('leaves a box open while its prerequisite is missing (no key, no images)', async () => {
    fakeApi({
      'providers.list': () => [{ id: 'p', hasKey: false, local: false, capabilities: caps(['vision']) }],
      'app.doctor': () => doctor(true),
      'library.list': () => ({ items: [], total: 0 })
    })
    renderUi(<UpcomingPage page="images" icon={IconPhoto} />)
    await waitFor(() => expect(screen.getByTestId('need-mediaTools').getAttribute('data-met')).toBe('true'))
    expect(screen.getByTestId('need-vision').getAttribute('data-met')).toBe('false')
    expect(screen.getByTestId('need-libraryImages').getAttribute('data-met')).toBe('false')
  })
})
