import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, forModel } from '../../../../src/renderer/src/features/playground/settings-model'

describe('settings as they go out', () => {
  it('keeps verbosity for GPT-5 models only, where the API takes it', () => {
    expect(forModel({ ...DEFAULT_SETTINGS, model: 'gpt-5-mini', verbosity: 'low' }).verbosity).toBe('low')
    expect(forModel({ ...DEFAULT_SETTINGS, model: 'gpt-4o', verbosity: 'low' }).verbosity).toBeUndefined()
    expect(forModel({ ...DEFAULT_SETTINGS, model: 'gpt-4.1-mini', verbosity: 'high' })).not.toHaveProperty(
      'verbosity'
    )
  })
})
