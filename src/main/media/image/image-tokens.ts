/**
 * Image input cost per model family, one table. Tile models scale the picture into 2048², then the
 * short side to 768, and pay per 512-px tile; patch models pay per 32-px patch (at most 1536, and at
 * most 2048 px a side) times a multiplier. Source: OpenAI's vision guide, "Calculating costs" and
 * "Model sizing behavior" (platform.openai.com/docs/guides/images-vision); its worked examples are the
 * tests in tests/main/media/image/image-tokens.test.ts. gpt-5-mini/nano multipliers are those the
 * public pricing calculator bills (1.2, 1.5), not the guide's table (1.62, 2.46): a genuine gpt-5-mini
 * recording fits 1.2 and rules out 1.62 (tests/main/features/video-summary/estimate-vs-usage.test.ts).
 */
export type ImageDetail = 'low' | 'high' | 'auto'

type TileRule = { kind: 'tile'; base: number; perTile: number }
type PatchRule = { kind: 'patch'; multiplier: number; maxPatches: number }
export type ImageCostRule = TileRule | PatchRule

const RULES: { prefix: string; rule: ImageCostRule }[] = [
  { prefix: 'gpt-4o-mini', rule: { kind: 'tile', base: 2833, perTile: 5667 } },
  { prefix: 'gpt-4.1-mini', rule: { kind: 'patch', multiplier: 1.62, maxPatches: 1536 } },
  { prefix: 'gpt-4.1-nano', rule: { kind: 'patch', multiplier: 2.46, maxPatches: 1536 } },
  { prefix: 'gpt-5-mini', rule: { kind: 'patch', multiplier: 1.2, maxPatches: 1536 } },
  { prefix: 'gpt-5-nano', rule: { kind: 'patch', multiplier: 1.5, maxPatches: 1536 } },
  { prefix: 'o4-mini', rule: { kind: 'patch', multiplier: 1.72, maxPatches: 1536 } },
  { prefix: 'gpt-5', rule: { kind: 'tile', base: 70, perTile: 140 } },
  { prefix: 'o1', rule: { kind: 'tile', base: 75, perTile: 150 } },
  { prefix: 'o3', rule: { kind: 'tile', base: 75, perTile: 150 } },
  { prefix: 'gpt-4', rule: { kind: 'tile', base: 85, perTile: 170 } }
]

const DEFAULT_RULE: TileRule = { kind: 'tile', base: 85, perTile: 170 }

export function imageCostRule(model: string): ImageCostRule {
  const name = model.toLowerCase().replace(/^.*\//, '')
  return RULES.find((r) => name.startsWith(r.prefix))?.rule ?? DEFAULT_RULE
}

/** The size the API will actually see for this detail level, which is also the size worth sending. */
export function targetSize(
  width: number,
  height: number,
  rule: ImageCostRule,
  detail: ImageDetail
): { width: number; height: number } {
  if (detail === 'low') return fitInside(width, height, 512)
  if (rule.kind === 'patch') {
    const fitted = fitPatches(width, height, rule.maxPatches)
    return fitInside(fitted.width, fitted.height, PATCH_MAX_SIDE)
  }
  const fitted = fitInside(width, height, 2048)
  const short = Math.min(fitted.width, fitted.height)
  if (short <= 768) return fitted
  const scale = 768 / short
  return { width: Math.round(fitted.width * scale), height: Math.round(fitted.height * scale) }
}

/** Input tokens one image costs at this size and detail. */
export function imageTokens(width: number, height: number, model: string, detail: ImageDetail): number {
  const rule = imageCostRule(model)
  const size = targetSize(width, height, rule, detail)
  if (rule.kind === 'patch') {
    const patches = Math.min(rule.maxPatches, imagePatches(size.width, size.height))
    return Math.ceil(patches * rule.multiplier)
  }
  if (detail === 'low') return rule.base
  return rule.base + rule.perTile * Math.ceil(size.width / 512) * Math.ceil(size.height / 512)
}

const PATCH = 32
/** Patch models at "high" also fit the picture into 2048 px a side (the guide's sizing table). */
const PATCH_MAX_SIDE = 2048

/** 32-px patches needed to cover a picture: the image tokens of a patch model before its multiplier. */
export function imagePatches(width: number, height: number): number {
  return Math.ceil(width / PATCH) * Math.ceil(height / PATCH)
}

function fitInside(width: number, height: number, box: number): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * The guide's algorithm: shrink by r = sqrt(32² × budget / (w × h)), then by the smaller of
 * floor(side × r / 32) / (side × r / 32) so one side ends on a whole patch, then take whole pixels.
 * 1800×2400 → r 0.603 → 0.587 → 1056×1408 → 33 × 44 = 1452 patches.
 */
function fitPatches(width: number, height: number, maxPatches: number): { width: number; height: number } {
  if (imagePatches(width, height) <= maxPatches) return { width, height }
  const shrink = Math.sqrt((PATCH * PATCH * maxPatches) / (width * height))
  const across = (width * shrink) / PATCH
  const down = (height * shrink) / PATCH
  const scale = shrink * Math.min(Math.floor(across) / across, Math.floor(down) / down)
  // Floating point may land a hair under a whole pixel (1055.9999…); round that away, never up past it.
  const whole = (side: number): number => Math.max(1, Math.floor(side * scale + 1e-6))
  return { width: whole(width), height: whole(height) }
}
