/**
 * 操作人 for the audit log. Each entry records who ran the app when it reached WeCom: the OS user
 * (Windows account @ computer) this instance was started by. The outbox writes audit rows in the same
 * transaction as its results and does not know the operator, so a one-row table holds the operator of
 * the running instance (written at start-up; one instance per data folder, see the instance lock) and a
 * trigger stamps it on every new entry. Entries written before this step keep an empty actor (shown as
 * 「未记录」). The index serves the date filter.
 */
export const sql = `
ALTER TABLE audit_log ADD COLUMN actor TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_actor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_actor AFTER INSERT ON audit_log
WHEN NEW.actor = '' AND EXISTS (SELECT 1 FROM audit_actor WHERE id = 1)
BEGIN
  UPDATE audit_log SET actor = (SELECT name FROM audit_actor WHERE id = 1) WHERE id = NEW.id;
END;
CREATE INDEX audit_log_corp_at ON audit_log(corp_id, at);
`;
