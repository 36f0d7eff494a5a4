/**
 * Image input cost per model family, one table. Tile models scale the picture into 2048², then the
 * short side to 768, and pay per 512-px tile; patch models pay per 32-px patch (at most 1536) times
 * a multiplier. Sources: OpenAI's vision guide and public pricing calculator (gpt-5-mini/nano
 * multipliers as the calculator bills them).
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
  if (rule.kind === 'patch') return fitPatches(width, height, rule.maxPatches)
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
  if (rule.kind === 'patch') return Math.ceil(patches(size.width, size.height) * rule.multiplier)
  if (detail === 'low') return rule.base
  return rule.base + rule.perTile * Math.ceil(size.width / 512) * Math.ceil(size.height / 512)
}

function patches(width: number, height: number): number {
  return Math.ceil(width / 32) * Math.ceil(height / 32)
}

function fitInside(width: number, height: number, box: number): { width: number; height: number } {
  const scale = Math.min(1, box / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

function fitPatches(width: number, height: number, maxPatches: number): { width: number; height: number } {
  if (patches(width, height) <= maxPatches) return { width, height }
  let scale = Math.sqrt((maxPatches * 32 * 32) / (width * height))
  // Shrink until whole patches fit, as the API does.
  while (patches(Math.floor(width * scale), Math.floor(height * scale)) > maxPatches) scale *= 0.99
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) }
}
