import { screen, waitFor } from '@testing-library/react'
import { IconFlask } from '@tabler/icons-react'
import { describe, expect, it } from 'vitest'
import { CAPABILITIES } from '../../../../src/shared/domain/provider'
import { UpcomingPage } from '../../../../src/renderer/src/features/upcoming/UpcomingPage'
import { fakeApi, renderUi } from '../../render'

const caps = (on: string[]) => Object.fromEntries(CAPABILITIES.map((c) => [c, on.includes(c)]))

const doctor = (ok: boolean) => ({ ffmpeg: { ok }, ffprobe: { ok } })

describe('pages still to come', () => {
  it('ticks what is ready now: a provider that can be called', async () => {
    fakeApi({
      'providers.list': () => [{ id: 'p', hasKey: true, local: false, capabilities: caps(['chat']) }],
      'app.doctor': () => doctor(true),
      'library.list': () => ({ items: [], total: 3 })
    })
    renderUi(<UpcomingPage page="playground" icon={IconFlask} />)
    await waitFor(() => expect(screen.getByTestId('need-provider').getAttribute('data-met')).toBe('true'))
    expect(screen.getByText('Not yet available')).toBeTruthy()
  })

  it('leaves a box open while its prerequisite is missing (no key)', async () => {
    fakeApi({
      'providers.list': () => [{ id: 'p', hasKey: false, local: false, capabilities: caps(['chat']) }],
      'app.doctor': () => doctor(true),
      'library.list': () => ({ items: [], total: 0 })
    })
    renderUi(<UpcomingPage page="playground" icon={IconFlask} />)
    await waitFor(() => expect(screen.getByTestId('need-provider').getAttribute('data-met')).toBe('false'))
  })
})
