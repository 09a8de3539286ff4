import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../connection';
import { tempDb } from '../test/temp-db';
import { migrations } from './index';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('migration 007-notices', () => {
  it('adds drafts, attachments, the media cache and a register whose 文号 cannot repeat', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const db = t.db;
    const at = migrations.findIndex((m) => m.name === '007-notices');
    await migrate(db, at);
    await migrate(db, at + 1);
    await db.run(
      "INSERT INTO notice_drafts (corp_id, title, body, updated_at, created_at) VALUES ('ww1', '通知', '{}', 't', 't')",
    );
    await db.run(
      "INSERT INTO attachments (sha256, size, mime, created_at) VALUES (?, 3, 'text/plain', 't')",
      ['a'.repeat(64)],
    );
    await expect(
      db.run("INSERT INTO attachments (sha256, size, mime, created_at) VALUES ('short', 3, 'x', 't')"),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.run(
        "INSERT INTO media_cache (corp_id, sha256, type, filename, media_id, wecom_created_at) VALUES ('ww1', ?, 'file', 'a.txt', 'm', 1)",
        ['b'.repeat(64)],
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    const notice = (seq: number) =>
      db.run(
        `INSERT INTO notices (corp_id, agentid, issuer, doc_year, doc_seq, doc_no, title, meta, content, recipients, fingerprint, head_count, status, created_at)
         VALUES ('ww1', 1000002, '综合部', 2026, ?, 'x', 't', '{}', '{}', '{}', 'f', 1, 'sent', 't')`,
        [seq],
      );
    await notice(1);
    await notice(2);
    await expect(notice(2)).rejects.toThrow(/UNIQUE/);
  });
});
