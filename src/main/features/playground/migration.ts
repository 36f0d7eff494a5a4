// Version 14: the Playground. Conversations keep their last settings; messages keep their parts
// (text, images, tool calls and results, citations, generated files, code and logs) as JSON, the
// usage of the turn, and the exact request body, so "view as code" shows what was sent. Message
// text is indexed by a trigram FTS5 table (CJK and substrings match; short terms use LIKE, ADR 013).
export const playgroundSchema = `
CREATE TABLE playground_conversations (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX playground_conversations_updated ON playground_conversations(pinned DESC, updated_at DESC);

CREATE TABLE playground_messages (
  -- An explicit integer key: the FTS index points at it, and VACUUM may renumber a hidden rowid.
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES playground_conversations(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
  parts_json TEXT NOT NULL,
  -- The searchable text of the parts (answer, prompt, tool output).
  text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'stopped', 'error', 'pending')),
  error_json TEXT,
  api TEXT,
  model TEXT,
  provider_id TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  latency_ms INTEGER,
  ttft_ms INTEGER,
  request_id TEXT,
  response_id TEXT,
  request_json TEXT,
  settings_json TEXT,
  candidate INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (conversation_id, seq)
);

CREATE VIRTUAL TABLE playground_message_fts USING fts5(
  text, content = 'playground_messages', content_rowid = 'n', tokenize = 'trigram'
);
CREATE TRIGGER playground_messages_after_insert AFTER INSERT ON playground_messages BEGIN
  INSERT INTO playground_message_fts (rowid, text) VALUES (new.n, new.text);
END;
CREATE TRIGGER playground_messages_after_delete AFTER DELETE ON playground_messages BEGIN
  INSERT INTO playground_message_fts (playground_message_fts, rowid, text) VALUES ('delete', old.n, old.text);
END;
CREATE TRIGGER playground_messages_after_update AFTER UPDATE OF text ON playground_messages BEGIN
  INSERT INTO playground_message_fts (playground_message_fts, rowid, text) VALUES ('delete', old.n, old.text);
  INSERT INTO playground_message_fts (rowid, text) VALUES (new.n, new.text);
END;

-- Files the code interpreter wrote that are not media (CSV, text…): blobs this message holds.
CREATE TABLE playground_message_files (
  hash TEXT NOT NULL REFERENCES blobs(hash),
  message_id TEXT NOT NULL REFERENCES playground_messages(id) ON DELETE CASCADE,
  filename TEXT NOT NULL,
  PRIMARY KEY (hash, message_id)
);

CREATE TABLE playground_vector_stores (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  provider_id TEXT,
  files_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
`

export const PLAYGROUND_MIGRATIONS = [{ version: 14, name: 'playground', sql: playgroundSchema }] as const
