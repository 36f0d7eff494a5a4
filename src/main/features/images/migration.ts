// The Images page: extractors (stored definitions), runs over many images, each image's row, the
// answers already paid for, and batches. Answers are found by (image content, extractor version,
// model, detail), so the same image is never paid for twice; a forced run adds a newer answer and
// leaves the older runs' rows (which point at their own answer) as they were. A row keeps the
// user's edits apart from the model's fields.
export const imagesSchema = `
CREATE TABLE extractors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template TEXT,
  instructions TEXT NOT NULL,
  schema_json TEXT NOT NULL,
  fields_json TEXT,
  detail TEXT NOT NULL CHECK (detail IN ('low', 'high', 'auto')),
  model TEXT,
  version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE extraction_results (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  model TEXT NOT NULL,
  detail TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'refused')),
  fields_json TEXT,
  raw_text TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  request_id TEXT,
  batch INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX extraction_results_key ON extraction_results(key, created_at DESC);

CREATE TABLE extract_runs (
  id TEXT PRIMARY KEY,
  extractor_id TEXT,
  extractor_name TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  instructions TEXT NOT NULL,
  schema_json TEXT NOT NULL,
  model TEXT NOT NULL,
  detail TEXT NOT NULL,
  provider_id TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('direct', 'batch')),
  status TEXT NOT NULL CHECK (status IN ('running', 'waiting', 'complete', 'failed', 'cancelled')),
  job_id TEXT,
  batch_id TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX extract_runs_created ON extract_runs(created_at DESC);

CREATE TABLE extract_rows (
  run_id TEXT NOT NULL REFERENCES extract_runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'failed', 'refused')),
  result_id TEXT REFERENCES extraction_results(id) ON DELETE SET NULL,
  cached INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  raw_text TEXT,
  edits_json TEXT NOT NULL DEFAULT '{}',
  -- The batch a row's request went out in (a large run is split over several batches).
  batch_id TEXT,
  PRIMARY KEY (run_id, asset_id)
);
CREATE INDEX extract_rows_asset ON extract_rows(asset_id);

CREATE TABLE batches (
  id TEXT PRIMARY KEY,
  remote_id TEXT NOT NULL UNIQUE,
  run_id TEXT REFERENCES extract_runs(id) ON DELETE SET NULL,
  provider_id TEXT NOT NULL,
  model TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  state TEXT NOT NULL,
  requests INTEGER NOT NULL,
  counts_json TEXT NOT NULL DEFAULT '{"total":0,"completed":0,"failed":0}',
  input_file_id TEXT,
  output_file_id TEXT,
  error_file_id TEXT,
  imported INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  direct_cost_usd REAL NOT NULL DEFAULT 0,
  error TEXT,
  job_id TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  last_polled_at TEXT
);
CREATE INDEX batches_created ON batches(created_at DESC);
`

export const IMAGES_MIGRATIONS = [{ version: 13, name: 'images', sql: imagesSchema }] as const
