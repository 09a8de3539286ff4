import { existsSync, renameSync } from 'node:fs';
import type { Logger } from '../../platform/logger';
import type { Db } from '../connection';
import { CACHE_SCHEMA, CACHE_VERSION, cacheSchemaV1 } from './schema';

export type CacheOpenOutcome = 'ok' | 'created' | 'recreated';

class CacheUnusable extends Error {
  constructor(
    readonly reason: 'corrupt' | 'version',
    readonly version?: number,
    cause?: unknown,
  ) {
    super(`cache file unusable: ${reason}${version === undefined ? '' : ` (version ${version})`}`, { cause });
  }
}

const isCorrupt = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
};

/**
 * ATTACHes the cache file as schema `cache`, creating its tables when new. A file that is not a
 * database, is damaged, or has another schema version is renamed aside (cache.sqlite.broken-<time>)
 * and recreated empty: the app starts, and the next sync fills it again. Call before `migrate`.
 */
export async function attachCache(db: Db, file: string, logger?: Logger): Promise<CacheOpenOutcome> {
  try {
    return await tryAttach(db, file);
  } catch (e) {
    if (!(e instanceof CacheUnusable) && !isCorrupt(e)) {
      await detach(db);
      throw e;
    }
    await detach(db);
    const aside = moveAside(file);
    const why = e instanceof CacheUnusable ? e.message : String((e as Error).message);
    logger?.warn('org cache file moved aside and recreated empty; a sync is needed', { file, aside, why });
    await tryAttach(db, file);
    return 'recreated';
  }
}

async function tryAttach(db: Db, file: string): Promise<CacheOpenOutcome> {
  await db.run(`ATTACH DATABASE ? AS ${CACHE_SCHEMA}`, [file]);
  await db.exec(`PRAGMA ${CACHE_SCHEMA}.journal_mode = WAL; PRAGMA ${CACHE_SCHEMA}.synchronous = FULL;`);
  const check = await db.all<{ quick_check: string }>(`PRAGMA ${CACHE_SCHEMA}.quick_check`);
  if (check.length !== 1 || check[0]?.quick_check !== 'ok') throw new CacheUnusable('corrupt');
  const row = await db.get<{ user_version: number }>(`PRAGMA ${CACHE_SCHEMA}.user_version`);
  const version = row?.user_version ?? 0;
  if (version === CACHE_VERSION) return 'ok';
  if (version !== 0) throw new CacheUnusable('version', version);
  await db.transaction(async () => {
    await db.exec(cacheSchemaV1);
    await db.exec(`PRAGMA ${CACHE_SCHEMA}.user_version = ${CACHE_VERSION}`);
  });
  return 'created';
}

async function detach(db: Db): Promise<void> {
  const attached = await db.all<{ name: string }>('PRAGMA database_list');
  if (attached.some((d) => d.name === CACHE_SCHEMA)) await db.run(`DETACH DATABASE ${CACHE_SCHEMA}`);
}

/** Keeps the broken file (and its WAL/SHM) for a look later; a stale WAL must not meet the new file. */
function moveAside(file: string): string {
  const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(file)) renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
