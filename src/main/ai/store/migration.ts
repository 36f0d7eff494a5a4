// Version 3: AI providers (no secrets), one usage row per API call, and the editable price table.
export const aiSchema = `
CREATE TABLE providers (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  base_url TEXT NOT NULL,
  settings_json TEXT NOT NULL DEFAULT '{}',
  models_json TEXT NOT NULL DEFAULT '[]',
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE usage (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  model TEXT NOT NULL,
  api TEXT NOT NULL,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  audio_tokens INTEGER NOT NULL DEFAULT 0,
  image_tokens INTEGER NOT NULL DEFAULT 0,
  audio_seconds REAL NOT NULL DEFAULT 0,
  characters INTEGER NOT NULL DEFAULT 0,
  images INTEGER NOT NULL DEFAULT 0,
  latency_ms INTEGER NOT NULL DEFAULT 0,
  request_id TEXT,
  job_id TEXT,
  batch INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  -- One logical request (retries included) records at most one successful call.
  request_key TEXT UNIQUE
);
CREATE INDEX usage_created ON usage(created_at);
CREATE INDEX usage_job ON usage(job_id);

CREATE TABLE prices (
  model TEXT PRIMARY KEY,
  price_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`

// Version 8: the models a provider listed at its last connection test, for providers that have no
// row of their own (the one the environment describes).
export const providerModelsSchema = `
CREATE TABLE provider_models (
  provider_id TEXT PRIMARY KEY,
  models_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`

export const AI_MIGRATIONS = [
  { version: 3, name: 'ai', sql: aiSchema },
  { version: 8, name: 'provider-models', sql: providerModelsSchema }
] as const
