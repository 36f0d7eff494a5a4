import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../src/shared/errors'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof value === 'string' || Array.isArray(value)) return out.set(prefix, value)
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf)
  }
  return out
}

describe('translations', () => {
  it('gives 简体中文 every English string, none empty and none left in English', () => {
    const english = leaves(en)
    const chinese = leaves(zhCN)
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
    const untranslated = [...english].filter(([path, text]) => {
      const zh = chinese.get(path)
      // Brand and API names read the same in both languages.
      if (path.startsWith('providers.kindNames.') && path !== 'providers.kindNames.custom') return !zh
      return (
        !zh ||
        (zh === text &&
          /[a-z]{4,}/i.test(String(text)) &&
          !/^(Framewise|SQLite|SHA-256|Responses|Chat Completions)$/.test(String(text)))
      )
    })
    expect(untranslated.map(([path]) => path)).toEqual([])
  })

  it('explains every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors[code]).toBeTruthy()
      expect(zhCN.errors[code]).toBeTruthy()
    }
  })
})
