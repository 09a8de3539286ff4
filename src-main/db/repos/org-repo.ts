import type { MemberIndexRow } from '../../contract/org';
import type { CacheSnapshot } from '../../domain/org-cache';
import type { Db } from '../connection';
import { OrgCacheMeta } from './org-cache-meta';
import { OrgCacheReader } from './org-cache-read';
import { OrgCacheWriter, type OrgSnapshot, type PartialSnapshot, type ProgressFn } from './org-cache-write';

export type { OrgSnapshot, PartialSnapshot, PulledDept, PulledMember } from './org-cache-write';

/**
 * The WeCom org cache (cache.sqlite): one facade over its writes (org-cache-write), reads
 * (org-cache-read) and corp stamp (org-cache-meta), so services hold one repo.
 */
export class OrgRepo {
  private readonly meta: OrgCacheMeta;
  private readonly writer: OrgCacheWriter;
  private readonly reader: OrgCacheReader;

  constructor(db: Db) {
    this.meta = new OrgCacheMeta(db);
    this.writer = new OrgCacheWriter(db);
    this.reader = new OrgCacheReader(db);
  }

  /**
   * Replaces the whole cache in one transaction: readers never see half a sync. With `corpId`, the
   * corp stamp is set in the same transaction, so rows and stamp always agree.
   */
  async replaceAll(s: OrgSnapshot, onProgress?: ProgressFn): Promise<void>;
  async replaceAll(s: OrgSnapshot, corpId?: string | null, onProgress?: ProgressFn): Promise<void>;
  async replaceAll(
    s: OrgSnapshot,
    corpOrProgress?: string | null | ProgressFn,
    progress?: ProgressFn,
  ): Promise<void> {
    const corpId = typeof corpOrProgress === 'function' ? undefined : corpOrProgress;
    const onProgress = typeof corpOrProgress === 'function' ? corpOrProgress : progress;
    const stamp = corpId === undefined ? undefined : () => this.meta.setCacheCorp(corpId);
    await this.writer.replaceAll(s, stamp, onProgress);
  }

  /** Refreshes the tree and the touched members and tags after a push (see OrgCacheWriter). */
  applyPartial(p: PartialSnapshot): Promise<void> {
    return this.writer.applyPartial(p);
  }

  cacheCorp(): Promise<string | null> {
    return this.meta.cacheCorp();
  }

  setCacheCorp(corpId: string | null): Promise<void> {
    return this.meta.setCacheCorp(corpId);
  }

  clearCache(): Promise<void> {
    return this.meta.clearCache();
  }

  loadSnapshot(): Promise<CacheSnapshot> {
    return this.reader.loadSnapshot();
  }

  memberIndex(): Promise<MemberIndexRow[]> {
    return this.reader.memberIndex();
  }

  counts(): Promise<{ departments: number; members: number; tags: number; notJoined: number }> {
    return this.reader.counts();
  }

  pinyinByName(): Promise<Map<string, { pinyin: string; initials: string }>> {
    return this.reader.pinyinByName();
  }
}
