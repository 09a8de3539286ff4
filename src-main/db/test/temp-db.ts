import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '../connection';

/** A real sqlite3 file in a fresh temp folder; `cleanup` closes and removes it. */
export async function tempDb(): Promise<{ db: Db; file: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'zhb-db-'));
  const file = join(dir, 'test.sqlite');
  const db = await Db.open(file);
  return {
    db,
    file,
    cleanup: async () => {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
