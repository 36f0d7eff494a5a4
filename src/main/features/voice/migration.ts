// Version 15: Voice. One row per Realtime session (its settings, token usage and cost), one row per
// turn (the user's words, the model's answer, a tool call with its output), and a trigram FTS index
// over the turns' text, so past conversations are found by any word, Chinese included (ADR 013).
export const voiceSchema = `
CREATE TABLE voice_sessions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  provider_id TEXT,
  model TEXT NOT NULL,
  voice TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'ended', 'failed')),
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER NOT NULL DEFAULT 0,
  audio_input_tokens INTEGER NOT NULL DEFAULT 0,
  audio_output_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  error_json TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX voice_sessions_started ON voice_sessions(started_at DESC);

CREATE TABLE voice_turns (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES voice_sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
  item_id TEXT,
  text TEXT NOT NULL DEFAULT '',
  tool_json TEXT,
  -- Relative to the library's voice/ folder; only when the user kept "save audio" on.
  audio_path TEXT,
  latency_ms REAL,
  interrupted INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (session_id, seq)
);

CREATE VIRTUAL TABLE voice_fts USING fts5(
  text, content = 'voice_turns', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER voice_turns_ai AFTER INSERT ON voice_turns BEGIN
  INSERT INTO voice_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER voice_turns_ad AFTER DELETE ON voice_turns BEGIN
  INSERT INTO voice_fts(voice_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER voice_turns_au AFTER UPDATE OF text ON voice_turns BEGIN
  INSERT INTO voice_fts(voice_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO voice_fts(rowid, text) VALUES (new.id, new.text);
END;
`

export const VOICE_MIGRATIONS = [{ version: 15, name: 'voice', sql: voiceSchema }] as const
