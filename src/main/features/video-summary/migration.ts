// Version 4: transcripts (and the pieces already paid for), analyses with their map-reduce parts,
// and the questions asked about an asset.
export const analysesSchema = `
CREATE TABLE transcripts (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  cache_key TEXT NOT NULL UNIQUE,
  model TEXT NOT NULL,
  language TEXT,
  status TEXT NOT NULL CHECK (status IN ('partial', 'complete')),
  pieces_total INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  segments_json TEXT NOT NULL DEFAULT '[]',
  duration_s REAL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX transcripts_asset ON transcripts(asset_id);

CREATE TABLE transcript_pieces (
  transcript_id TEXT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start_s REAL NOT NULL,
  duration_s REAL NOT NULL,
  result_json TEXT NOT NULL,
  PRIMARY KEY (transcript_id, idx)
);

CREATE TABLE analyses (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  cache_key TEXT NOT NULL UNIQUE,
  options_json TEXT NOT NULL,
  model TEXT NOT NULL,
  provider_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  result_json TEXT,
  raw_text TEXT,
  frame_set_id TEXT,
  transcript_id TEXT,
  job_id TEXT,
  error_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX analyses_asset ON analyses(asset_id, kind, updated_at DESC);

CREATE TABLE analysis_parts (
  analysis_id TEXT NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  result_json TEXT NOT NULL,
  PRIMARY KEY (analysis_id, idx)
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  analysis_id TEXT REFERENCES analyses(id) ON DELETE SET NULL,
  provider_id TEXT,
  model TEXT NOT NULL,
  last_response_id TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content TEXT NOT NULL,
  cost_usd REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
`

export const VIDEO_SUMMARY_MIGRATIONS = [{ version: 4, name: 'analyses', sql: analysesSchema }] as const
