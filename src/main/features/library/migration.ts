// Version 5: what the library learnt about files once, so later work need not ask again
// (docs/adr/010-fast-start.md): the probe and packet index of an asset's file, and the content hash
// of a source path at a given size and mtime.
export const mediaFactsSchema = `
CREATE TABLE asset_media (
  asset_id TEXT PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
  probe_json TEXT,
  packet_index BLOB
);

CREATE TABLE import_sources (
  path TEXT PRIMARY KEY,
  size_bytes INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  content_hash TEXT NOT NULL
);
`

export const LIBRARY_MIGRATIONS = [{ version: 5, name: 'media-facts', sql: mediaFactsSchema }] as const
