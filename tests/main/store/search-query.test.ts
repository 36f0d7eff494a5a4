import { describe, expect, it } from 'vitest'
import { planSearch } from '../../../src/main/store/search-query'

describe('planSearch', () => {
  it('uses the trigram index for terms of three or more characters, quoting each term', () => {
    expect(planSearch('tears steel')).toEqual({ mode: 'match', match: '"tears" AND "steel"' })
    expect(planSearch('say "hi" now')).toEqual({ mode: 'match', match: '"say" AND """hi""" AND "now"' })
  })

  it('falls back to an escaped LIKE scan when a term is shorter than a trigram', () => {
    expect(planSearch('分析')).toEqual({ mode: 'like', patterns: ['%分析%'] })
    expect(planSearch('a_ 1%')).toEqual({ mode: 'like', patterns: ['%a\\_%', '%1\\%%'] })
  })

  it('plans nothing for blank input', () => {
    expect(planSearch('   ')).toEqual({ mode: 'none' })
    expect(planSearch(undefined)).toEqual({ mode: 'none' })
  })
})
