// Version 9: one search row per asset (ADR 012). search_rows holds what is searched (name, metadata
// line, and the text of transcripts, summaries and captions); its id grows with imports, so the
// index can be read newest first and paged by id. search_docs keeps each source's own text.
export const searchRowsSchema = `
ALTER TABLE search_docs ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE search_docs ADD COLUMN body TEXT NOT NULL DEFAULT '';
UPDATE search_docs SET title = coalesce(f.title, ''), body = coalesce(f.body, '')
  FROM search_fts f WHERE f.rowid = search_docs.id;

CREATE TABLE search_rows (
  id INTEGER PRIMARY KEY,
  asset_id TEXT NOT NULL UNIQUE REFERENCES assets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  metadata TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT ''
);
INSERT INTO search_rows (asset_id, kind, name, metadata, text)
  SELECT a.id, a.kind, a.name,
    coalesce((SELECT d.body FROM search_docs d WHERE d.asset_id = a.id AND d.source = 'asset'), ''),
    coalesce((SELECT group_concat(d.title || char(10) || d.body, char(10) ORDER BY d.source)
              FROM search_docs d WHERE d.asset_id = a.id AND d.source <> 'asset'), '')
  FROM assets a ORDER BY a.created_at, a.rowid;
DELETE FROM search_docs WHERE source = 'asset';

DROP TRIGGER search_docs_after_delete;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
  name, metadata, text, content = 'search_rows', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');
CREATE TRIGGER search_rows_after_insert AFTER INSERT ON search_rows BEGIN
  INSERT INTO search_fts (rowid, name, metadata, text) VALUES (new.id, new.name, new.metadata, new.text);
END;
CREATE TRIGGER search_rows_after_delete AFTER DELETE ON search_rows BEGIN
  INSERT INTO search_fts (search_fts, rowid, name, metadata, text)
    VALUES ('delete', old.id, old.name, old.metadata, old.text);
END;
CREATE TRIGGER search_rows_after_update AFTER UPDATE ON search_rows BEGIN
  INSERT INTO search_fts (search_fts, rowid, name, metadata, text)
    VALUES ('delete', old.id, old.name, old.metadata, old.text);
  INSERT INTO search_fts (rowid, name, metadata, text) VALUES (new.id, new.name, new.metadata, new.text);
END;
`
