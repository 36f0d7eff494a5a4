// Version 2: keyframe sets chosen for a video, one per (asset, options), with their frames.
export const framesSchema = `
CREATE TABLE frame_sets (
  id TEXT PRIMARY KEY,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  options_key TEXT NOT NULL,
  strategy TEXT NOT NULL,
  strategy_reason TEXT NOT NULL,
  duration_s REAL NOT NULL,
  elapsed_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (asset_id, options_key)
);

CREATE TABLE frames (
  set_id TEXT NOT NULL REFERENCES frame_sets(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  t REAL NOT NULL,
  blob_hash TEXT NOT NULL REFERENCES blobs(hash),
  thumb_hash TEXT NOT NULL REFERENCES blobs(hash),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  phash TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (set_id, idx)
);
`

export const VIDEO_MIGRATIONS = [{ version: 2, name: 'frames', sql: framesSchema }] as const
