import { afterEach, describe, expect, it } from 'vitest';
import { Db, migrate, openDatabase, schemaVersion } from '../connection';
import { tempDb } from '../test/temp-db';
import { migrations } from './index';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});
async function fresh(): Promise<Db> {
  const t = await tempDb();
  cleanups.push(t.cleanup);
  return t.db;
}
const tableNames = async (db: Db) =>
  (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")).map(
    (r) => r.name,
  );

describe('migration 001-org-cache', () => {
  it('creates the org cache tables and enforces links to members', async () => {
    const db = await fresh();
    await migrate(db, 1);
    expect(await schemaVersion(db)).toBe(1);
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining([
        'departments',
        'members',
        'member_departments',
        'tags',
        'tag_members',
        'sync_runs',
      ]),
    );
    await expect(
      db.run('INSERT INTO member_departments (userid, department_id) VALUES (?, ?)', ['ghost', 1]),
    ).rejects.toThrow(/FOREIGN KEY/);
    // STRICT tables refuse a string where an integer belongs.
    await expect(
      db.run("INSERT INTO departments (id, name, parentid) VALUES (2, 'x', 'abc')"),
    ).rejects.toThrow();
  });
});

describe('migration 002-settings', () => {
  it('adds the settings table on top of 001', async () => {
    const db = await fresh();
    await migrate(db, 1);
    expect(await tableNames(db)).not.toContain('settings');
    await migrate(db, 2);
    expect(await tableNames(db)).toContain('settings');
    await db.run("INSERT INTO settings (key, value) VALUES ('a', '1')");
    expect(await db.get('SELECT value FROM settings')).toEqual({ value: '1' });
  });
});

describe('migration 003-org-edit', () => {
  it('adds the edit tables and keeps cached members, defaulting them to enabled', async () => {
    const db = await fresh();
    await migrate(db, 2);
    await db.run("INSERT INTO members (userid, name, status) VALUES ('u1', '张三', 1)");
    await migrate(db, 3);
    expect(await db.get('SELECT enable FROM members')).toEqual({ enable: 1 });
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining([
        'staged_changes',
        'push_batches',
        'outbox',
        'id_map',
        'audit_log',
        'rules',
        'conflicts',
      ]),
    );
    await db.run("INSERT INTO push_batches (started_at, status) VALUES ('t', 'open')");
    await expect(
      db.run(
        "INSERT INTO outbox (batch_id, seq, api, body, entity, entity_key, summary, status, updated_at) VALUES (1, 1, 'x', '{}', 'department', '1', 's', 'bogus', 't')",
      ),
    ).rejects.toThrow(/CHECK/);
  });
});

describe('migration 004-cache-apart', () => {
  it('drops the org cache from main, keeps the records, and leaves the attached cache in charge', async () => {
    const db = await fresh();
    await migrate(db, 3);
    await db.run("INSERT INTO main.members (userid, name, status) VALUES ('u1', '张三', 1)");
    await db.run("INSERT INTO settings (key, value) VALUES ('profile', '{}')");
    await db.run(
      "INSERT INTO audit_log (at, api, summary, entity, entity_key, result) VALUES ('t', 'x', 's', 'member', 'u1', 'ok')",
    );
    await migrate(db, 4);
    expect(await schemaVersion(db)).toBe(4);
    const main = await tableNames(db);
    for (const t of [
      'departments',
      'members',
      'member_departments',
      'tags',
      'tag_members',
      'tag_departments',
    ])
      expect(main).not.toContain(t);
    expect(main).toEqual(expect.arrayContaining(['settings', 'sync_runs', 'audit_log', 'outbox']));
    expect(await db.get('SELECT value FROM settings')).toEqual({ value: '{}' });
    expect(await db.get('SELECT COUNT(*) AS n FROM audit_log')).toEqual({ n: 1 });
    // Unqualified names now reach the cache file; the rows were not copied (the cache is re-pullable).
    expect(await db.get('SELECT COUNT(*) AS n FROM members')).toEqual({ n: 0 });
    await db.run("INSERT INTO members (userid, name, status) VALUES ('u2', '李四', 1)");
    expect(await db.get('SELECT COUNT(*) AS n FROM cache.members')).toEqual({ n: 1 });
  });
});

describe('migration 005-corp-outbox', () => {
  it('gives every row a corp, returns open batches to staging and keeps settled history', async () => {
    const db = await fresh();
    const upTo005 = migrations.findIndex((m) => m.name === '005-corp-outbox');
    await migrate(db, upTo005);
    await db.run(
      `INSERT INTO settings (key, value) VALUES ('corp.profile', '{"corpId":"wwreal","apps":[]}')`,
    );
    await db.run(
      "INSERT INTO push_batches (id, started_at, status) VALUES (1, 't', 'done'), (2, 't', 'open')",
    );
    await db.run(
      "INSERT INTO staged_changes (label, ops, summaries, base, created_at, batch_id) VALUES ('a', '[]', '[]', '{}', 't', 2), ('b', '[]', '[]', '{}', 't', NULL)",
    );
    await db.run(
      "INSERT INTO audit_log (at, api, summary, entity, entity_key, result) VALUES ('t', 'user/update', 's', 'member', 'u', '成功')",
    );
    await migrate(db, upTo005 + 1);
    expect(await db.all('SELECT corp_id, batch_id FROM staged_changes ORDER BY id')).toEqual([
      { corp_id: 'wwreal', batch_id: null },
      { corp_id: 'wwreal', batch_id: null },
    ]);
    expect(await db.all('SELECT id, status, corp_id FROM push_batches ORDER BY id')).toEqual([
      { id: 1, status: 'done', corp_id: 'wwreal' },
      { id: 2, status: 'abandoned', corp_id: 'wwreal' },
    ]);
    expect(await db.get('SELECT corp_id FROM audit_log')).toEqual({ corp_id: 'wwreal' });
    // The outbox takes domain calls and a 'skipped' state; the id map is per batch.
    await db.run(
      "INSERT INTO outbox (corp_id, batch_id, seq, kind, call, family, entity, entity_key, summary, status, updated_at) VALUES ('wwreal', 1, 1, 'dept.create', '{}', 'contacts-write', 'department', '-1', 's', 'skipped', 't')",
    );
    await db.run("INSERT INTO id_map (batch_id, kind, local_id, remote_id) VALUES (1, 'department', -1, 9)");
    await db.run("INSERT INTO id_map (batch_id, kind, local_id, remote_id) VALUES (2, 'department', -1, 10)");
    await expect(db.run("INSERT INTO local_ids (corp_id, floor) VALUES ('x', 3)")).rejects.toThrow(/CHECK/);
  });

  it('attributes rows to the demo corp when no corp was configured', async () => {
    const db = await fresh();
    const upTo005 = migrations.findIndex((m) => m.name === '005-corp-outbox');
    await migrate(db, upTo005);
    await db.run(
      "INSERT INTO staged_changes (label, ops, summaries, base, created_at) VALUES ('a', '[]', '[]', '{}', 't')",
    );
    await migrate(db, upTo005 + 1);
    expect(await db.get('SELECT corp_id FROM staged_changes')).toEqual({ corp_id: 'ww5a1d0e0c2b4f6a01' });
  });
});

describe('migration 006-audit-actor', () => {
  it('stamps new audit entries with the running operator and leaves older ones unattributed', async () => {
    const db = await fresh();
    const upTo006 = migrations.findIndex((m) => m.name === '006-audit-actor');
    await migrate(db, upTo006);
    const insert = (key: string) =>
      db.run(
        "INSERT INTO audit_log (corp_id, at, api, summary, entity, entity_key, result) VALUES ('ww1', 't', 'member.update', 's', 'member', ?, '成功')",
        [key],
      );
    await insert('old');
    await migrate(db, upTo006 + 1);
    // No operator recorded yet: a new entry stays unattributed rather than failing the outbox's write.
    await insert('early');
    await db.run("INSERT INTO audit_actor (id, name) VALUES (1, 'zhangsan@PC-01')");
    await insert('new');
    await db.run(
      "INSERT INTO audit_log (corp_id, at, api, summary, entity, entity_key, result, actor) VALUES ('ww1', 't', 'x', 's', 'member', 'given', '成功', 'cli@host')",
    );
    expect(await db.all('SELECT entity_key, actor FROM audit_log ORDER BY id')).toEqual([
      { entity_key: 'old', actor: '' },
      { entity_key: 'early', actor: '' },
      { entity_key: 'new', actor: 'zhangsan@PC-01' },
      { entity_key: 'given', actor: 'cli@host' },
    ]);
    // One operator row only.
    await expect(db.run("INSERT INTO audit_actor (id, name) VALUES (2, 'x')")).rejects.toThrow(/CHECK/);
  });
});

describe('migrations as a whole', () => {
  it('runs in WAL mode, synchronous FULL, with foreign keys on', async () => {
    const t = await tempDb();
    cleanups.push(t.cleanup);
    await t.db.close();
    const db = await openDatabase(t.file);
    cleanups.push(() => db.close());
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.get('PRAGMA cache.journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await db.get('PRAGMA cache.synchronous')).toEqual({ synchronous: 2 });
    expect(await schemaVersion(db)).toBe(migrations.length);
  });

  it('is idempotent when reopened', async () => {
    const db = await fresh();
    await migrate(db);
    expect(await migrate(db)).toBe(migrations.length);
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const db = await fresh();
    await migrate(db);
    await db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await expect(migrate(db)).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    expect(await schemaVersion(db)).toBe(migrations.length + 1);
  });

  it('matches the schema snapshot (update it deliberately when appending a migration)', async () => {
    const db = await fresh();
    await migrate(db);
    const rows = await db.all<{ type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    );
    expect(
      rows.map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ')}`).join('\n'),
    ).toMatchSnapshot();
  });

  it('matches the cache schema snapshot (a change needs a new CACHE_VERSION)', async () => {
    const db = await fresh();
    const rows = await db.all<{ type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM cache.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    );
    expect(
      rows.map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ')}`).join('\n'),
    ).toMatchSnapshot();
  });
});
