import { useEffect, useMemo, useRef, useState } from 'react'
import { INITIAL_STATE, LiveVoiceEngine, type LiveState } from './live-voice-engine'
import type { Entry } from './transcript-model'

const FLUSH_MS = 50

/** The live session's state and transcript; meter and counter updates are batched to 20 a second. */
export function useLiveVoice(): { state: LiveState; entries: Entry[]; engine: LiveVoiceEngine } {
  const [state, setState] = useState<LiveState>(INITIAL_STATE)
  const [entries, setEntries] = useState<Entry[]>([])
  const pending = useRef<Partial<LiveState>>({})
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const engine = useMemo(
    () =>
      new LiveVoiceEngine({
        state: (patch) => {
          pending.current = { ...pending.current, ...patch }
          timer.current ??= setTimeout(() => {
            timer.current = null
            const next = pending.current
            pending.current = {}
            setState((current) => ({ ...current, ...next }))
          }, FLUSH_MS)
        },
        entries: (update) => setEntries(update)
      }),
    []
  )

  useEffect(
    () => () => {
      engine.dispose()
      if (timer.current) clearTimeout(timer.current)
    },
    [engine]
  )
  return { state, entries, engine }
}
