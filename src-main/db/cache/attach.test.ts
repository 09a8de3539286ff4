import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { Db, openDatabase, schemaVersion } from '../connection';
import { migrations } from '../migrations';
import { OrgRepo } from '../repos/org-repo';
import { CACHE_VERSION } from './schema';

let dir: string;
let main: string;
let cache: string;
const open: Db[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhb-cache-'));
  main = join(dir, 'zhb.sqlite');
  cache = join(dir, 'cache.sqlite');
});
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});
const opened = async (logger = createLogger()) => {
  const db = await openDatabase(main, { logger });
  open.push(db);
  return db;
};
const garbage = 'not a database — 这不是数据库'.repeat(200);
const asideFiles = () => readdirSync(dir).filter((f) => f.startsWith('cache.sqlite.broken-'));

/** A main db with precious rows and a filled cache, closed again. */
async function seeded(): Promise<void> {
  const db = await opened();
  await db.run("INSERT INTO settings (key, value) VALUES ('profile', '\"x\"')");
  await db.run(
    "INSERT INTO audit_log (at, api, summary, entity, entity_key, result) VALUES ('t', 'user/update', 's', 'member', 'u1', 'ok')",
  );
  await new OrgRepo(db).replaceAll(
    {
      departments: [{ id: 1, name: '医院', nameEn: '', parentid: 0, order: 0, leaders: [] }],
      members: [],
      tags: [],
    },
    'ww-corp',
  );
  await db.close();
  open.length = 0;
}

describe('cache file', () => {
  it('is created apart from the main db, versioned, and keeps the corp stamp', async () => {
    await seeded();
    const db = await opened();
    expect(existsSync(cache)).toBe(true);
    expect(await schemaVersion(db, 'cache')).toBe(CACHE_VERSION);
    expect(await schemaVersion(db)).toBe(migrations.length);
    const repo = new OrgRepo(db);
    expect(await repo.cacheCorp()).toBe('ww-corp');
    expect((await repo.counts()).departments).toBe(1);
  });

  it('a corrupt cache is moved aside and recreated empty; the main records survive', async () => {
    await seeded();
    writeFileSync(cache, garbage);
    const logger = createLogger();
    const db = await opened(logger);
    expect(asideFiles()).toHaveLength(1);
    expect(readFileSync(join(dir, asideFiles()[0]!), 'utf8')).toBe(garbage);
    const repo = new OrgRepo(db);
    expect(await repo.counts()).toMatchObject({ departments: 0, members: 0 });
    expect(await repo.cacheCorp()).toBeNull();
    expect(await db.get('SELECT value FROM settings')).toEqual({ value: '"x"' });
    expect(await db.get('SELECT api FROM audit_log')).toEqual({ api: 'user/update' });
    expect(logger.lines.join('\n')).toMatch(/moved aside/);
    // And it works again as a cache.
    await repo.setCacheCorp('ww-2');
    expect(await repo.cacheCorp()).toBe('ww-2');
  });

  it('a cache with damaged pages (valid header) is moved aside too', async () => {
    const db = await opened();
    const members = Array.from({ length: 3000 }, (_, i) => ({
      userid: `u${i}`,
      name: `成员${i}`,
      alias: '',
      position: '医师'.repeat(10),
      mobile: '',
      email: '',
      telephone: '',
      gender: '1' as const,
      status: 1 as const,
      enable: true,
      mainDepartment: 1,
      directLeader: [],
      pinyin: `chengyuan${i}`,
      initials: 'cy',
      departments: [{ departmentId: 1, order: i, isLeader: false }],
    }));
    await new OrgRepo(db).replaceAll({ departments: [], members, tags: [] }, 'ww');
    await db.exec('PRAGMA cache.wal_checkpoint(TRUNCATE)');
    await db.close();
    open.length = 0;
    const bytes = readFileSync(cache);
    bytes.fill(0x5a, 4096 * 3, 4096 * 40);
    writeFileSync(cache, bytes);
    const again = await opened();
    expect(asideFiles()).toHaveLength(1);
    expect((await new OrgRepo(again).counts()).members).toBe(0);
  });

  it.each([CACHE_VERSION + 1, CACHE_VERSION + 7])(
    'a cache at another schema version (%i) is recreated',
    async (v) => {
      await seeded();
      const raw = await Db.open(cache);
      await raw.exec(`PRAGMA user_version = ${v}`);
      await raw.close();
      const db = await opened();
      expect(asideFiles()).toHaveLength(1);
      expect(await schemaVersion(db, 'cache')).toBe(CACHE_VERSION);
      expect((await new OrgRepo(db).counts()).departments).toBe(0);
      expect(await db.get('SELECT value FROM settings')).toEqual({ value: '"x"' });
    },
  );

  it('a damaged main db is refused with DB_CORRUPT and left untouched', async () => {
    writeFileSync(main, garbage);
    await expect(openDatabase(main)).rejects.toMatchObject({ code: 'DB_CORRUPT', details: { file: main } });
    expect(readFileSync(main, 'utf8')).toBe(garbage);
  });

  it('a main db written by a newer app is still refused with DB_TOO_NEW', async () => {
    await seeded();
    const raw = await Db.open(main);
    await raw.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await raw.close();
    const cacheRaw = await Db.open(cache);
    await cacheRaw.exec(`PRAGMA user_version = ${CACHE_VERSION + 1}`);
    await cacheRaw.close();
    await expect(openDatabase(main)).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    // The newer app's cache is left alone.
    expect(asideFiles()).toHaveLength(0);
  });
});
