// Version 1: the library (content-addressed blobs, assets, full-text search), durable jobs, settings.
export const initialSchema = `
CREATE TABLE blobs (
  hash TEXT PRIMARY KEY,
  rel_path TEXT NOT NULL UNIQUE,
  size_bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE assets (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('video', 'image', 'audio')),
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE REFERENCES blobs(hash),
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  duration_s REAL,
  width INTEGER,
  height INTEGER,
  metadata_json TEXT NOT NULL DEFAULT '{}',
  thumb_state TEXT NOT NULL DEFAULT 'pending' CHECK (thumb_state IN ('pending', 'ready', 'failed')),
  thumb_hash TEXT REFERENCES blobs(hash),
  source_path TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assets_created ON assets(created_at DESC);
CREATE INDEX assets_kind_created ON assets(kind, created_at DESC);

-- Every file an asset owns (original, thumbnail, later frames and audio pieces); a blob with no
-- reference left is garbage.
CREATE TABLE blob_refs (
  hash TEXT NOT NULL REFERENCES blobs(hash),
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (hash, asset_id, role)
);
CREATE INDEX blob_refs_asset ON blob_refs(asset_id);

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  UNIQUE (asset_id, source)
);
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'trigram');
CREATE TRIGGER search_docs_after_delete AFTER DELETE ON search_docs BEGIN
  DELETE FROM search_fts WHERE rowid = old.id;
END;

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')),
  payload_json TEXT NOT NULL,
  result_json TEXT,
  error_json TEXT,
  stage TEXT,
  progress REAL NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  parent_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
  asset_id TEXT REFERENCES assets(id) ON DELETE SET NULL,
  dedupe_key TEXT,
  -- The process running the job; on start-up only jobs of dead owners are requeued.
  owner TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_state_kind ON jobs(state, kind, created_at);
CREATE INDEX jobs_parent ON jobs(parent_id);
CREATE INDEX jobs_created ON jobs(created_at DESC);
CREATE UNIQUE INDEX jobs_active_dedupe ON jobs(dedupe_key)
  WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running', 'waiting');

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`
