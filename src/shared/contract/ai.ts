import { z } from 'zod'
import { Capabilities, ConnectionTest, Provider, ProviderInput, ProviderKind } from '../domain/provider'
import { AskInput, AskResult } from '../domain/ask'
import { Price, UsageRecord, UsageSummary } from '../domain/usage'
import { route } from './define'

export const ProviderPreset = z.object({
  kind: ProviderKind,
  name: z.string(),
  baseURL: z.string(),
  needsKey: z.boolean(),
  local: z.boolean(),
  capabilities: Capabilities,
  catalog: z.array(z.string()),
  apiVersion: z.string().optional(),
  hint: z.string()
})

const empty = z.object({}).default({})

export const aiRoutes = {
  /** One question to a model, on either API, with images and a schema if wanted. */
  'ai.ask': route({ input: AskInput, output: AskResult }),
  'providers.list': route({ input: empty, output: z.array(Provider) }),
  'providers.presets': route({ input: empty, output: z.array(ProviderPreset) }),
  'providers.save': route({
    input: z.object({ id: z.string().nullable().default(null), provider: ProviderInput }),
    output: Provider
  }),
  'providers.remove': route({
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ removed: z.boolean() })
  }),
  'providers.test': route({ input: z.object({ id: z.string().min(1) }), output: ConnectionTest }),
  'providers.status': route({
    input: empty,
    output: z.object({ online: z.boolean().nullable(), checkedAt: z.string().nullable() })
  }),
  'usage.summary': route({
    input: z.object({ from: z.string().optional(), to: z.string().optional() }).default({}),
    output: UsageSummary
  }),
  'usage.recent': route({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
    output: z.array(UsageRecord)
  }),
  'prices.list': route({ input: empty, output: z.array(Price) }),
  'prices.update': route({ input: Price, output: z.array(Price) }),
  'prices.reset': route({ input: z.object({ model: z.string().min(1) }), output: z.array(Price) })
}
