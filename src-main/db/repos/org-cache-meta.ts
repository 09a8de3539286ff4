import { cacheTables } from '../cache/schema';
import type { Db } from '../connection';

/** The corp stamp of the cache (cache_meta) and emptying the cache as a whole. */
export class OrgCacheMeta {
  constructor(private readonly db: Db) {}

  /** The corp the cached rows came from; null when the cache is empty or was recreated. */
  async cacheCorp(): Promise<string | null> {
    const r = await this.db.get<{ value: string }>("SELECT value FROM cache_meta WHERE key = 'corp_id'");
    return r?.value ?? null;
  }

  async setCacheCorp(corpId: string | null): Promise<void> {
    if (corpId === null) await this.db.run("DELETE FROM cache_meta WHERE key = 'corp_id'");
    else
      await this.db.run(
        "INSERT INTO cache_meta (key, value) VALUES ('corp_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [corpId],
      );
  }

  /** Empties every cache table and the corp stamp (e.g. when switching corps). */
  async clearCache(): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.exec(cacheTables.map((t) => `DELETE FROM ${t};`).join(' '));
    });
  }
}
