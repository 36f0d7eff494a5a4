import type { Price } from '@shared/domain/usage'
import type { PricesRepo } from './store/prices-repo'
import { costOf, DEFAULT_PRICES, findPrice, type BillableUsage } from './pricing'

/** The built-in price table overlaid with the user's edits. */
export class PriceService {
  constructor(private readonly repo: PricesRepo) {}

  table(): Record<string, Omit<Price, 'model'>> {
    return { ...DEFAULT_PRICES, ...this.repo.edited() }
  }

  list(): Price[] {
    return Object.entries(this.table())
      .map(([model, price]) => ({ model, ...price }))
      .sort((a, b) => a.model.localeCompare(b.model))
  }

  /** Saves an edit; a price set back to the list price is no longer an edit (and no longer marked). */
  update(price: Price): Price[] {
    const listed = DEFAULT_PRICES[price.model]
    if (listed && samePrice(price, listed)) this.repo.reset(price.model)
    else this.repo.set({ ...price, edited: true })
    return this.list()
  }

  reset(model: string): Price[] {
    this.repo.reset(model)
    return this.list()
  }

  cost(model: string, usage: BillableUsage, batch = false): number {
    return costOf(usage, findPrice(model, this.table()), { batch })
  }
}

const BILLED_FIELDS = [
  'inputPerM',
  'cachedInputPerM',
  'outputPerM',
  'audioInputPerM',
  'audioOutputPerM',
  'imageInputPerM',
  'perMinute',
  'perMCharacters',
  'perImage'
] as const

function samePrice(a: Omit<Price, 'model'>, b: Omit<Price, 'model'>): boolean {
  return BILLED_FIELDS.every((key) => Math.abs((a[key] ?? 0) - (b[key] ?? 0)) < 1e-9)
}
