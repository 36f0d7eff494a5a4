/** A 9×8 grey thumbnail (72 bytes): the perceptual signature of a frame. */
export type Signature = Uint8Array

export const SIGNATURE_BYTES = 72

/** Gradients weaker than this (grey levels) are treated as flat: their sign is noise. */
const FLAT = 3

/**
 * Difference-hash distance (0–64) that ignores flat areas: a bit counts only where at least one of
 * the two frames has a real gradient there, so fine textures under a moving camera do not look like
 * cuts. A large change in overall brightness counts as well.
 */
export function pictureDistance(a: Signature, b: Signature): number {
  let differing = 0
  let sumA = 0
  let sumB = 0
  for (let row = 0; row < 8; row += 1) {
    for (let col = 0; col < 8; col += 1) {
      const at = row * 9 + col
      const ga = (a[at] as number) - (a[at + 1] as number)
      const gb = (b[at] as number) - (b[at + 1] as number)
      if (Math.max(Math.abs(ga), Math.abs(gb)) >= FLAT && ga > 0 !== gb > 0) differing += 1
      sumA += a[at] as number
      sumB += b[at] as number
    }
  }
  const brightness = Math.abs(sumA - sumB) / 64
  return Math.min(64, differing + Math.floor(brightness / 4))
}

/** The classic 64-bit difference hash, kept with each stored frame. */
export function differenceHash(signature: Signature): bigint {
  let hash = 0n
  for (let row = 0; row < 8; row += 1) {
    for (let col = 0; col < 8; col += 1) {
      hash =
        (hash << 1n) |
        ((signature[row * 9 + col] as number) > (signature[row * 9 + col + 1] as number) ? 1n : 0n)
    }
  }
  return hash
}

export function hashToHex(hash: bigint): string {
  return hash.toString(16).padStart(16, '0')
}
