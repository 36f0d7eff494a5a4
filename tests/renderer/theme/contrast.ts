import {
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  mergeMantineTheme,
  type CSSVariablesResolver,
  type MantineTheme
} from '@mantine/core'

// Resolves Mantine's colour variables for one scheme the way the browser would: Mantine's resolver
// for the app's theme, then the app's cssVariablesResolver on top, var() chains followed, rgba blended.
export type Scheme = 'light' | 'dark'
type Vars = Map<string, string>

/** Mantine's own variables for the theme (as MantineProvider writes them), then the app's on top. */
export function schemeVariables(theme: MantineTheme, resolver: CSSVariablesResolver, scheme: Scheme): Vars {
  const vars: Vars = new Map()
  for (const source of [defaultCssVariablesResolver(theme), resolver(theme)])
    for (const [key, value] of Object.entries({ ...source.variables, ...source[scheme] }))
      vars.set(key, value)
  return vars
}

export function resolveColor(vars: Vars, value: string, depth = 0): string {
  const ref = /^var\((--[\w-]+)\)$/.exec(value.trim())
  if (!ref) return value.trim()
  if (depth > 20) throw new Error(`var() loop at ${value}`)
  const next = vars.get(ref[1] ?? '')
  if (next === undefined) throw new Error(`Unknown variable ${ref[1]}`)
  return resolveColor(vars, next, depth + 1)
}

type Rgba = [number, number, number, number]

function parse(color: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)
  if (hex) {
    const h = hex[1] ?? ''
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(1) as Rgba
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(color)
  if (rgba) {
    const [r = 0, g = 0, b = 0, a = 1] = (rgba[1] ?? '').split(',').map((n) => Number(n.trim()))
    return [r, g, b, a]
  }
  throw new Error(`Cannot read the colour ${color}`)
}

/** A translucent colour as it shows over an opaque background. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3]
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG 2 contrast ratio of a text colour on a background that itself may sit on the page body. */
export function contrast(
  vars: Vars,
  text: string,
  background: string,
  body = 'var(--mantine-color-body)'
): number {
  const base = parse(resolveColor(vars, body))
  const bg = over(parse(resolveColor(vars, background)), base)
  const fg = over(parse(resolveColor(vars, text)), bg)
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}

export function appTheme(partial: Parameters<typeof mergeMantineTheme>[1]): MantineTheme {
  return mergeMantineTheme(DEFAULT_THEME, partial)
}
