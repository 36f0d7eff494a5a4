// Version 10: the Audio page. Transcripts (version 4) gain word times, their options and cost; the
// user's edits and speaker names are kept apart from the model's text; an asset's prepared audio
// pieces are remembered (their files are blobs), so a resumed transcription prepares nothing again;
// speech made from text, and each piece of it already paid for.
export const audioSchema = `
ALTER TABLE transcripts ADD COLUMN words_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE transcripts ADD COLUMN options_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE transcripts ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
CREATE INDEX transcripts_asset_updated ON transcripts(asset_id, updated_at DESC);

CREATE TABLE transcript_edits (
  transcript_id TEXT PRIMARY KEY REFERENCES transcripts(id) ON DELETE CASCADE,
  texts_json TEXT NOT NULL DEFAULT '{}',
  speakers_json TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);

CREATE TABLE audio_preps (
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  duration_s REAL NOT NULL,
  codec TEXT NOT NULL,
  pieces_json TEXT NOT NULL,
  peaks_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (asset_id, version)
);

CREATE TABLE speeches (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  model TEXT NOT NULL,
  voice TEXT NOT NULL,
  instructions TEXT,
  speed REAL NOT NULL,
  format TEXT NOT NULL,
  provider_id TEXT,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  asset_id TEXT REFERENCES assets(id) ON DELETE SET NULL,
  duration_s REAL,
  job_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX speeches_created ON speeches(created_at DESC);
CREATE INDEX speeches_asset ON speeches(asset_id);

CREATE TABLE speech_pieces (
  speech_id TEXT NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  rel_path TEXT,
  duration_s REAL,
  cost_usd REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (speech_id, idx)
);
`

export const AUDIO_MIGRATIONS = [{ version: 10, name: 'audio', sql: audioSchema }] as const
