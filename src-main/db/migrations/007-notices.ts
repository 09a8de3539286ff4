/**
 * 通知: drafts and templates (kept locally, saved as the clerk types), attachments stored by content
 * hash, the media_ids WeCom gave each attachment (reused while younger than 3 days), the 发文登记
 * register with its 文号 numbered per corp, 发文机关 and year (unique, so never issued twice), and each
 * 机关's 文号 pattern. A notice is sent through the shared outbox: its batch (feature 'notice') holds the
 * uploads and the message/send calls; the register row points at it.
 */
export const sql = `
CREATE TABLE notice_drafts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_id TEXT NOT NULL,
  is_template INTEGER NOT NULL DEFAULT 0 CHECK (is_template IN (0, 1)),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX notice_drafts_corp ON notice_drafts(corp_id, deleted_at, updated_at);

CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  mime TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE media_cache (
  corp_id TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  type TEXT NOT NULL CHECK (type IN ('image', 'voice', 'video', 'file', 'inline')),
  filename TEXT NOT NULL,
  media_id TEXT NOT NULL,
  wecom_created_at INTEGER NOT NULL,
  PRIMARY KEY (corp_id, sha256, type, filename)
) STRICT;

CREATE TABLE doc_patterns (
  corp_id TEXT NOT NULL,
  issuer TEXT NOT NULL,
  pattern TEXT NOT NULL,
  PRIMARY KEY (corp_id, issuer)
) STRICT;

CREATE TABLE notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  corp_id TEXT NOT NULL,
  draft_id INTEGER,
  batch_id INTEGER REFERENCES push_batches(id),
  agentid INTEGER NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  doc_year INTEGER,
  doc_seq INTEGER,
  doc_no TEXT,
  title TEXT NOT NULL,
  meta TEXT NOT NULL,
  content TEXT NOT NULL,
  recipients TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  head_count INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'partial', 'failed', 'recalled', 'cancelled')),
  scheduled_at TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  result TEXT,
  UNIQUE (corp_id, issuer, doc_year, doc_seq)
) STRICT;
CREATE INDEX notices_corp_status ON notices(corp_id, status, scheduled_at);
CREATE INDEX notices_fingerprint ON notices(corp_id, fingerprint);
`;
