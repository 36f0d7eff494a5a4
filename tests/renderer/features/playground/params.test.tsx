import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MessagePart, TurnSettings } from '../../../../src/shared/domain/playground'
import {
  citedText,
  localFileLinks,
  mergeToolRuns,
  numberSources
} from '../../../../src/renderer/src/features/playground/answer-text'
import { ParamsPanel } from '../../../../src/renderer/src/features/playground/ParamsPanel'
import {
  DEFAULT_SETTINGS,
  forModel,
  schemaFromExample
} from '../../../../src/renderer/src/features/playground/settings-model'
import { fakeApi, renderUi } from '../../render'

if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

const show = (settings: Partial<TurnSettings>) => {
  fakeApi({ 'providers.list': () => [] })
  return renderUi(
    <ParamsPanel settings={{ ...DEFAULT_SETTINGS, ...settings }} onChange={() => {}} />,
    '/playground'
  )
}

describe('the Playground parameters', () => {
  it('offers temperature and top P to a sampling model and reasoning effort to a reasoning model', () => {
    show({ model: 'gpt-4o-mini' })
    expect(screen.getByTestId('param-temperature')).toBeTruthy()
    expect(screen.queryByTestId('param-effort')).toBeNull()
    show({ model: 'gpt-5-mini' })
    expect(screen.getByTestId('reasoning-hint')).toBeTruthy()
    expect(screen.getByTestId('param-effort')).toBeTruthy()
    expect(screen.getAllByTestId('param-temperature')).toHaveLength(1)
  })

  it('sends only what the model takes', () => {
    const base = {
      ...DEFAULT_SETTINGS,
      temperature: 0.4,
      reasoningEffort: 'low' as const,
      tools: ['web_search' as const]
    }
    expect(forModel({ ...base, model: 'o3' })).not.toHaveProperty('temperature')
    expect(forModel({ ...base, model: 'gpt-4o' })).not.toHaveProperty('reasoningEffort')
    expect(forModel({ ...base, api: 'chat', model: 'gpt-4o' }).tools).toEqual([])
  })

  it('makes a strict schema from an example answer', () => {
    expect(schemaFromExample({ name: 'Paris', tags: ['a'], size: 2.5, n: 3, ok: true })).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        size: { type: 'number' },
        n: { type: 'integer' },
        ok: { type: 'boolean' }
      },
      required: ['name', 'tags', 'size', 'n', 'ok'],
      additionalProperties: false
    })
  })
})

describe('answer text', () => {
  const url = { kind: 'url' as const, url: 'https://a.example/x', title: 'A', startIndex: 4, endIndex: 10 }
  const parts: MessagePart[] = [
    { type: 'text', text: 'See (link) and more.' },
    { type: 'citation', citation: url },
    { type: 'file_output', assetId: null, path: 'ab/cd.txt', filename: 'sums.txt' }
  ]

  it('numbers each url citation after the span it cites', () => {
    expect(citedText(parts, 0, new Map([[url, 1]]))).toBe('See (link) [[1]](https://a.example/x) and more.')
  })

  it('points the code interpreter’s sandbox links at the downloaded files', () => {
    expect(localFileLinks('[get it](sandbox:/mnt/data/sums.txt)', parts)).toBe('[get it](/media/ab/cd.txt)')
  })

  it('reads six searches in a row as one card', () => {
    const search = (q: string): MessagePart => ({
      type: 'tool_call',
      kind: 'web_search_call',
      callId: q,
      status: 'completed',
      actions: [q]
    })
    const merged = mergeToolRuns([search('a'), search('b'), { type: 'text', text: 'x' }, search('c')])
    expect(merged.map((p) => (p.type === 'tool_call' ? p.actions : p.type))).toEqual([
      ['a', 'b'],
      'text',
      ['c']
    ])
  })

  it('lists a source cited twice once, under one number', () => {
    const again = { ...url, startIndex: 12, endIndex: 14 }
    const other = { ...url, url: 'https://b.example/' }
    const { sources, numbers } = numberSources([url, again, other])
    expect(sources).toEqual([url, other])
    expect([numbers.get(url), numbers.get(again), numbers.get(other)]).toEqual([1, 1, 2])
  })
})
