export const queryKeys = {
  library: ['library'] as const,
  asset: (id: string) => ['library', 'asset', id] as const,
  jobs: ['jobs'] as const,
  settings: ['settings'] as const,
  doctor: ['doctor'] as const,
  info: ['info'] as const,
  providers: ['providers'] as const,
  presets: ['providers', 'presets'] as const,
  usage: ['usage'] as const,
  prices: ['prices'] as const,
  analysis: (assetId: string) => ['video', 'analysis', assetId] as const,
  estimate: (assetId: string, options: unknown) => ['video', 'estimate', assetId, options] as const,
  conversation: (assetId: string) => ['video', 'conversation', assetId] as const,
  playable: (assetId: string) => ['video', 'playable', assetId] as const
}
