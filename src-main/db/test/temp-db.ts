import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachCache } from '../cache/attach';
import { CACHE_FILE } from '../cache/schema';
import { Db } from '../connection';

/**
 * A real sqlite3 file in a fresh temp folder with the org cache attached, as openDatabase leaves it
 * but not migrated (tests migrate step by step); `cleanup` closes and removes it.
 */
export async function tempDb(): Promise<{
  db: Db;
  file: string;
  dir: string;
  cacheFile: string;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'zhb-db-'));
  const file = join(dir, 'test.sqlite');
  const cacheFile = join(dir, CACHE_FILE);
  const db = await Db.open(file);
  await attachCache(db, cacheFile);
  return {
    db,
    file,
    dir,
    cacheFile,
    cleanup: async () => {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
