import { DEFAULT_THEME } from '@mantine/core'
import { describe, expect, it } from 'vitest'
import { cssVariablesResolver, theme } from '../../../src/renderer/src/theme'
import { appTheme, contrast, schemeVariables, type Scheme } from './contrast'

// Every text colour pair the app shows, in both schemes, must reach WCAG AA (4.5:1). The ratios are
// computed from the theme (Mantine's resolver + ours), not judged by eye.
const BODY = 'var(--mantine-color-body)'
const ROLES = ['text', 'dimmed', 'placeholder', 'error', 'anchor'].map((r) => `var(--mantine-color-${r})`)
/** Palette colours the app uses, and in which variants their text appears. */
const USED: Record<string, ('light' | 'filled' | 'outline' | 'text')[]> = {
  indigo: ['light', 'filled', 'outline', 'text'],
  blue: ['light'],
  red: ['light', 'filled'],
  yellow: ['light'],
  gray: ['light', 'outline'],
  teal: ['light'],
  grape: ['light'],
  orange: ['light'],
  cyan: ['light']
}

function pairs(): { name: string; text: string; background: string }[] {
  const out = [
    ...ROLES.map((text) => ({ name: text, text, background: BODY })),
    { name: 'warning', text: 'var(--fw-color-warning)', background: BODY },
    {
      name: 'default button',
      text: 'var(--mantine-color-default-color)',
      background: 'var(--mantine-color-default)'
    }
  ]
  for (const [color, variants] of Object.entries(USED)) {
    for (const variant of variants) {
      const v = `var(--mantine-color-${color}-${variant === 'light' ? 'light-color' : variant})`
      const background =
        variant === 'light'
          ? `var(--mantine-color-${color}-light)`
          : variant === 'filled'
            ? `var(--mantine-color-${color}-filled)`
            : BODY
      out.push({
        name: `${color} ${variant}`,
        text: variant === 'filled' ? 'var(--mantine-color-white)' : v,
        background
      })
    }
  }
  return out
}

// The renderer's sources as text, through Vite, so this test needs no Node built-ins.
const SOURCES = import.meta.glob('../../../src/renderer/src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true
}) as Record<string, string>

describe('text contrast (WCAG AA)', () => {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    it(`reaches 4.5:1 for every text colour pair in the ${scheme} scheme`, () => {
      const vars = schemeVariables(appTheme(theme), cssVariablesResolver, scheme)
      const failing = pairs()
        .map((p) => ({ ...p, ratio: Math.round(contrast(vars, p.text, p.background) * 100) / 100 }))
        .filter((p) => p.ratio < 4.5)
        .map((p) => `${p.name}: ${p.ratio}`)
      expect(failing).toEqual([])
    })
  }

  it('knows every palette colour the renderer uses (add a new one to USED above)', () => {
    const palette = Object.keys(DEFAULT_THEME.colors)
    const used = new Set<string>()
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20)
    for (const text of Object.values(SOURCES)) {
      for (const m of text.matchAll(/['"]([a-z]+)(?:\.\d)?['"]/g))
        if (palette.includes(m[1] ?? '') && m[1] !== 'dark') used.add(m[1] ?? '')
    }
    expect([...used].filter((c) => !(c in USED))).toEqual([])
  })
})
