// Version 12: the Gallery. One row per image request (a run) with its prompt, every parameter, the
// parent images and mask of an edit, the response id of a conversation turn, usage and cost; one row
// per image it made (each an asset of kind image); favourites. The mask file is a blob the images
// hold a reference to (role "mask"), so it lives exactly as long as they do.
export const gallerySchema = `
CREATE TABLE image_runs (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  operation TEXT NOT NULL CHECK (operation IN ('generate', 'edit', 'variation', 'conversation', 'tool')),
  prompt TEXT NOT NULL,
  revised_prompt TEXT,
  model TEXT NOT NULL,
  provider_id TEXT,
  params_json TEXT NOT NULL,
  mask_hash TEXT,
  mask_rel_path TEXT,
  response_id TEXT,
  previous_response_id TEXT,
  -- The first run of an edit chain; every version made from it (and from them) shares it.
  chain_id TEXT NOT NULL,
  usage_json TEXT NOT NULL DEFAULT '{}',
  cost_usd REAL NOT NULL DEFAULT 0,
  request_id TEXT,
  error_json TEXT,
  job_id TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX image_runs_created ON image_runs(created_at DESC);
CREATE INDEX image_runs_chain ON image_runs(chain_id, created_at);

CREATE TABLE image_run_parents (
  run_id TEXT NOT NULL REFERENCES image_runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  -- Kept when the parent is deleted, so a child still says it had one.
  asset_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('source', 'reference')),
  PRIMARY KEY (run_id, idx)
);
CREATE INDEX image_run_parents_asset ON image_run_parents(asset_id);

CREATE TABLE generated_images (
  run_id TEXT NOT NULL REFERENCES image_runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, idx)
);
CREATE INDEX generated_images_asset ON generated_images(asset_id);
CREATE INDEX generated_images_created ON generated_images(created_at DESC);

CREATE TABLE image_favourites (
  asset_id TEXT PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
`

export const GALLERY_MIGRATIONS = [{ version: 12, name: 'gallery', sql: gallerySchema }] as const
