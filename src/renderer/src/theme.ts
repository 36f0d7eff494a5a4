import { createTheme, type CSSVariablesResolver } from '@mantine/core'

/**
 * Text colours that meet WCAG AA (4.5:1) on the backgrounds they appear on, in both schemes.
 * Mantine's defaults put grey hints at 3.3:1 and amber warnings at 2.7:1 on white; the ratios are
 * computed from this file and Mantine's stylesheet by tests/renderer/theme/contrast.test.ts.
 */
const LIGHT = {
  dimmed: 'var(--mantine-color-gray-7)',
  placeholder: '#6b7280',
  error: 'var(--mantine-color-red-9)',
  anchor: 'var(--mantine-color-blue-8)',
  warning: '#8a4b00',
  // Light variants (badges, alerts, subtle buttons) of warm colours need darker text than shade 9.
  yellowLight: '#7a4a00',
  orangeLight: '#a33b0a',
  tealLight: '#066b4f',
  grayText: 'var(--mantine-color-gray-7)'
}

const DARK = {
  dimmed: 'var(--mantine-color-dark-1)',
  placeholder: 'var(--mantine-color-dark-1)',
  error: 'var(--mantine-color-red-4)',
  warning: 'var(--mantine-color-yellow-4)'
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': LIGHT.dimmed,
    '--mantine-color-placeholder': LIGHT.placeholder,
    '--mantine-color-error': LIGHT.error,
    '--mantine-color-anchor': LIGHT.anchor,
    '--mantine-color-yellow-light-color': LIGHT.yellowLight,
    '--mantine-color-orange-light-color': LIGHT.orangeLight,
    '--mantine-color-teal-light-color': LIGHT.tealLight,
    '--mantine-color-gray-text': LIGHT.grayText,
    '--fw-color-warning': LIGHT.warning
  },
  dark: {
    '--mantine-color-dimmed': DARK.dimmed,
    '--mantine-color-placeholder': DARK.placeholder,
    '--mantine-color-error': DARK.error,
    '--fw-color-warning': DARK.warning
  }
})

export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons carry white text: shade 8 keeps it at 4.5:1 or better.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer'
})
