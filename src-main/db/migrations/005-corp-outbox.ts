/**
 * Corp scope and the shared outbox. Every staged change, batch, outbox row, id mapping, rule, sync
 * run and audit entry now names the corp it belongs to, so nothing staged for one corp (the demo
 * included) can be sent to another. Outbox rows hold domain calls (`kind` + `call`), claimed before
 * they are sent; local ids map to WeCom ids per batch only.
 *
 * Rows written before this step are attributed to the corp configured at upgrade time, else to the
 * demo corp. Batches still open at upgrade held wire bodies this version no longer sends: they are
 * closed as abandoned and their changes go back to the staged list, so the next push re-reads WeCom
 * and re-plans them (reconciling creates that already happened) instead of replaying old bodies.
 */
const LEGACY_CORP = `COALESCE((SELECT json_extract(value, '$.corpId') FROM settings WHERE key = 'corp.profile'), 'ww5a1d0e0c2b4f6a01')`;

export const sql = `
ALTER TABLE push_batches ADD COLUMN corp_id TEXT NOT NULL DEFAULT '';
ALTER TABLE push_batches ADD COLUMN feature TEXT NOT NULL DEFAULT 'contacts';
ALTER TABLE staged_changes ADD COLUMN corp_id TEXT NOT NULL DEFAULT '';
ALTER TABLE rules ADD COLUMN corp_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN corp_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_runs ADD COLUMN corp_id TEXT NOT NULL DEFAULT '';
UPDATE push_batches SET corp_id = ${LEGACY_CORP};
UPDATE staged_changes SET corp_id = ${LEGACY_CORP};
UPDATE rules SET corp_id = ${LEGACY_CORP};
UPDATE audit_log SET corp_id = ${LEGACY_CORP};
UPDATE sync_runs SET corp_id = ${LEGACY_CORP};
CREATE INDEX staged_changes_corp ON staged_changes(corp_id, batch_id);
CREATE INDEX push_batches_corp ON push_batches(corp_id, status);
CREATE INDEX audit_log_corp ON audit_log(corp_id, id);

UPDATE staged_changes SET batch_id = NULL
  WHERE batch_id IN (SELECT id FROM push_batches WHERE status = 'open');
UPDATE push_batches SET status = 'abandoned', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE status = 'open';
DROP TABLE outbox;
DROP TABLE id_map;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_id TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES push_batches(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  call TEXT NOT NULL,
  family TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  summary TEXT NOT NULL,
  before TEXT,
  after TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'done', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  error_code TEXT,
  errcode INTEGER,
  result TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (batch_id, seq)
) STRICT;
CREATE INDEX outbox_corp_status ON outbox(corp_id, status);

CREATE TABLE id_map (
  batch_id INTEGER NOT NULL REFERENCES push_batches(id),
  kind TEXT NOT NULL CHECK (kind IN ('department', 'tag')),
  local_id INTEGER NOT NULL,
  remote_id INTEGER NOT NULL,
  PRIMARY KEY (batch_id, kind, local_id)
) STRICT;

CREATE TABLE local_ids (
  corp_id TEXT PRIMARY KEY,
  floor INTEGER NOT NULL CHECK (floor < 0)
) STRICT;
`;
