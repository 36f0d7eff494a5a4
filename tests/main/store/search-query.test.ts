import { describe, expect, it } from 'vitest'
import { cleanQuery, planSearch } from '../../../src/main/store/search-query'

describe('planSearch', () => {
  it('uses the trigram index for terms of three or more characters, quoting each term', () => {
    const plan = planSearch('tears steel')
    expect(plan).toMatchObject({ mode: 'match', match: '"tears" AND "steel"', filters: [] })
    expect(plan.mode === 'match' && plan.tiers).toEqual([
      '{name} : ("tears" AND "steel")',
      '{name metadata} : ("tears" AND "steel") NOT {name} : ("tears" AND "steel")',
      '("tears" AND "steel") NOT {name metadata} : ("tears" AND "steel")'
    ])
    expect(planSearch('say "hi" now')).toMatchObject({ mode: 'match', match: '"say" AND """hi""" AND "now"' })
  })

  it('falls back to an escaped LIKE scan when every term is shorter than a trigram', () => {
    expect(planSearch('分析')).toEqual({ mode: 'like', filters: [{ term: '分析', pattern: '%分析%' }] })
    expect(planSearch('a_ 1%')).toEqual({
      mode: 'like',
      filters: [
        { term: 'a_', pattern: '%a\\_%' },
        { term: '1%', pattern: '%1\\%%' }
      ]
    })
  })

  it('searches long terms through the index and filters the short ones of the same query', () => {
    expect(planSearch('beach 猫')).toMatchObject({
      mode: 'match',
      match: '"beach"',
      filters: [{ term: '猫', pattern: '%猫%' }]
    })
  })

  it('plans nothing for blank input, or input that is only control characters', () => {
    expect(planSearch('   ')).toEqual({ mode: 'none' })
    expect(planSearch(undefined)).toEqual({ mode: 'none' })
    expect(planSearch('\u0000\u0007\u001b\u007f\u0085')).toEqual({ mode: 'none' })
  })

  it('strips NUL and other control characters; tabs and line breaks separate terms', () => {
    expect(cleanQuery('bea\u0000ch\u0007')).toBe('beach')
    expect(planSearch('beach\tsun\u0000set\n2024')).toMatchObject({
      match: '"beach" AND "sunset" AND "2024"'
    })
    // Query syntax stays text: each term is one quoted FTS5 string.
    expect(planSearch('NEAR(a b) {name}:x *')).toMatchObject({ match: '"NEAR(a" AND "{name}:x"' })
  })
})
