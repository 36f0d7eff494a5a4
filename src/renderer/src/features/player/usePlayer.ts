import { useCallback, useRef, useState } from 'react'

export interface PlayerControls {
  mediaRef: React.RefObject<HTMLMediaElement | null>
  currentTime: number
  /** Jumps to a moment; keeps playing if it was playing. */
  seek: (t: number) => void
  onTimeUpdate: () => void
}

/** One media element per page; every timestamp on the page seeks it. */
export function usePlayer(): PlayerControls {
  const mediaRef = useRef<HTMLMediaElement | null>(null)
  const [currentTime, setCurrentTime] = useState(0)
  const seek = useCallback((t: number) => {
    const media = mediaRef.current
    if (!media) return
    media.currentTime = Math.max(0, t)
    setCurrentTime(media.currentTime)
    media.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [])
  const onTimeUpdate = useCallback(() => {
    if (mediaRef.current) setCurrentTime(mediaRef.current.currentTime)
  }, [])
  return { mediaRef, currentTime, seek, onTimeUpdate }
}

/** Index of the last item that starts at or before `t` (items sorted by start). */
export function activeIndex(starts: readonly number[], t: number): number {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((starts[mid] as number) <= t + 0.05) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
