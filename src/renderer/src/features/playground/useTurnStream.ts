import { useEffect, useState } from 'react'
import { subscribe } from '../../api/client'

export interface StreamView {
  text: string
  /** Seconds the provider asked us to wait (a rate limit), while waiting. */
  waitSeconds: number | null
  waitReason: string | null
  activity: string | null
  partialImage: string | null
  firstTokenAt: number | null
}

const EMPTY: StreamView = {
  text: '',
  waitSeconds: null,
  waitReason: null,
  activity: null,
  partialImage: null,
  firstTokenAt: null
}

/** What a turn in flight has streamed so far (text, waits, tool activity, partial images). */
export function useTurnStream(streamId: string | null): StreamView {
  const [view, setView] = useState<StreamView>(EMPTY)
  useEffect(() => {
    setView(EMPTY)
    if (!streamId) return undefined
    return subscribe('playground.stream', (event) => {
      if (event.streamId !== streamId) return
      setView((v) => {
        if (event.type === 'delta')
          return {
            ...v,
            text: event.restart ? event.text : v.text + event.text,
            waitSeconds: null,
            firstTokenAt: v.firstTokenAt ?? Date.now()
          }
        if (event.type === 'wait') return { ...v, waitSeconds: event.seconds, waitReason: event.reason }
        if (event.type === 'activity') return { ...v, activity: event.activity, waitSeconds: null }
        return { ...v, partialImage: event.dataUrl }
      })
    })
  }, [streamId])
  return view
}
