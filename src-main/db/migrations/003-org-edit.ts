/**
 * 通讯录 editing: staged changes (the undo stack), the outbox of WeCom calls grouped in push batches,
 * the map from local (negative) ids to WeCom ids, the audit log, rules and open conflicts.
 */
export const sql = `
ALTER TABLE members ADD COLUMN enable INTEGER NOT NULL DEFAULT 1;

CREATE TABLE push_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'abandoned'))
) STRICT;

CREATE TABLE staged_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  label TEXT NOT NULL,
  ops TEXT NOT NULL,
  summaries TEXT NOT NULL,
  base TEXT NOT NULL,
  created_at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  batch_id INTEGER REFERENCES push_batches(id)
) STRICT;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id INTEGER NOT NULL REFERENCES push_batches(id),
  seq INTEGER NOT NULL,
  api TEXT NOT NULL,
  body TEXT NOT NULL,
  defines TEXT,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  summary TEXT NOT NULL,
  before TEXT,
  after TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  errcode INTEGER,
  result TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (batch_id, seq)
) STRICT;

CREATE TABLE id_map (
  kind TEXT NOT NULL CHECK (kind IN ('department', 'tag')),
  local_id INTEGER NOT NULL,
  remote_id INTEGER NOT NULL,
  PRIMARY KEY (kind, local_id)
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  api TEXT NOT NULL,
  summary TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  before TEXT,
  after TEXT,
  result TEXT NOT NULL,
  outbox_id INTEGER
) STRICT;

CREATE TABLE rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('positional', 'tag')),
  name TEXT NOT NULL,
  positions TEXT NOT NULL,
  top_group_ids TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE conflicts (
  change_id INTEGER PRIMARY KEY REFERENCES staged_changes(id) ON DELETE CASCADE,
  data TEXT NOT NULL
) STRICT;
`;
