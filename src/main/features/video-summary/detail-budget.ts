import { imageTokens } from '../../media/image/image-tokens'

/** Image tokens (as gpt-4o counts them) one request may spend on frames before detail is lowered. */
export const IMAGE_TOKEN_BUDGET = 10_000
/** What gpt-4o charges for one low-detail image; models that count more, cheaper tokens scale from it. */
const GPT4O_LOW_TOKENS = 85

export interface FrameSize {
  width: number
  height: number
  /** Scene changes are upgraded to high detail first. */
  scene: boolean
}

/**
 * Detail per frame: "low" and "high" are applied to all; "auto" starts every frame at low and
 * upgrades scene changes, then the rest evenly, while the budget allows.
 */
export function chooseDetails(
  frames: readonly FrameSize[],
  model: string,
  detail: 'low' | 'high' | 'auto',
  budget = IMAGE_TOKEN_BUDGET
): ('low' | 'high')[] {
  if (detail !== 'auto') return frames.map(() => detail)
  // gpt-4o-mini counts an image as ~33× the tokens at ~1/33 the price: the budget follows.
  budget *= imageTokens(512, 512, model, 'low') / GPT4O_LOW_TOKENS
  const out: ('low' | 'high')[] = frames.map(() => 'low')
  let spent = frames.reduce((sum, f) => sum + imageTokens(f.width, f.height, model, 'low'), 0)
  const scenesFirst = [...frames.keys()].filter((i) => frames[i]?.scene)
  const order = [...new Set([...scenesFirst, ...spreadOrder(frames.length)])]
  for (const i of order) {
    const f = frames[i] as FrameSize
    const extra = imageTokens(f.width, f.height, model, 'high') - imageTokens(f.width, f.height, model, 'low')
    if (spent + extra > budget) continue
    out[i] = 'high'
    spent += extra
  }
  return out
}

/** Indexes in a spread-out order (0, n/2, n/4, 3n/4, …) so upgrades cover the whole video. */
function spreadOrder(count: number): number[] {
  const seen = new Set<number>()
  for (let step = 2 ** Math.floor(Math.log2(Math.max(1, count))); step >= 1; step /= 2) {
    for (let i = 0; i < count; i += step) seen.add(i)
  }
  return [...seen]
}

export function imageTokenTotal(
  frames: readonly FrameSize[],
  details: readonly ('low' | 'high')[],
  model: string
): number {
  return frames.reduce((sum, f, i) => sum + imageTokens(f.width, f.height, model, details[i] ?? 'low'), 0)
}
