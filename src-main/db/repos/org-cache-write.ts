import type { CDept, CMember, CTag } from '../../domain/org-cache';
import { cacheTables } from '../cache/schema';
import type { Db } from '../connection';
import { MEMBER_INSERT_COLUMNS, memberRowValues } from './org-member-row';

export type ProgressFn = (done: number, total: number) => void;

/** A department as pulled: the cache's fields plus what only the sync keeps. */
export interface PulledDept extends CDept {
  nameEn: string;
  leaders: string[];
}

/** A member as pulled, with its name's pinyin for the search index (computed once per name). */
export interface PulledMember extends CMember {
  pinyin: string;
  initials: string;
}

/** What a sync pulled from WeCom, already normalised to the cache's shapes. */
export interface OrgSnapshot {
  departments: PulledDept[];
  members: PulledMember[];
  tags: CTag[];
}

/** What a push re-read: the whole tree, the touched members and tags, and which of those are gone. */
export interface PartialSnapshot extends OrgSnapshot {
  missingUserids: string[];
  missingTagids: number[];
}

/** The org tables, children first; cache_meta is kept by a sync. */
const orgTables = cacheTables.filter((t) => t !== 'cache_meta');

/** Writes of pulled WeCom state into the cache, each in one transaction. */
export class OrgCacheWriter {
  constructor(private readonly db: Db) {}

  /** Replaces the whole cache; readers never see half a sync. `stamp` runs in the same transaction. */
  async replaceAll(s: OrgSnapshot, stamp?: () => Promise<void>, onProgress?: ProgressFn): Promise<void> {
    const total = s.departments.length + s.members.length + s.tags.length;
    await this.db.transaction(async () => {
      await this.db.exec(orgTables.map((t) => `DELETE FROM ${t};`).join(' '));
      await this.insertDepartments(s.departments);
      onProgress?.(s.departments.length, total);
      await this.insertMembers(s.members, (n) => {
        if (n % 5000 === 0) onProgress?.(s.departments.length + n, total);
      });
      await this.insertTags(s.tags);
      await stamp?.();
      onProgress?.(total, total);
    });
  }

  /**
   * Refreshes part of the cache from WeCom: the whole department tree, and only the given members and
   * tags (those a push touched). Members and tags WeCom no longer has are removed.
   */
  async applyPartial(p: PartialSnapshot): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.exec('DELETE FROM departments');
      await this.insertDepartments(p.departments);
      for (const u of [...p.members.map((m) => m.userid), ...p.missingUserids]) {
        await this.db.run('DELETE FROM members WHERE userid = ?', [u]);
      }
      await this.insertMembers(p.members);
      // WeCom drops a deleted member or department from every tag; so does the cache.
      for (const u of p.missingUserids)
        await this.db.run('DELETE FROM tag_members WHERE userid = ? COLLATE NOCASE', [u]);
      await this.db.run(
        'DELETE FROM tag_departments WHERE department_id NOT IN (SELECT id FROM departments)',
      );
      for (const t of [...p.tags.map((x) => x.tagid), ...p.missingTagids]) {
        await this.db.run('DELETE FROM tags WHERE tagid = ?', [t]);
      }
      await this.insertTags(p.tags);
    });
  }

  private async insertDepartments(list: readonly PulledDept[]): Promise<void> {
    const dept = this.db.prepare(
      'INSERT INTO departments (id, name, name_en, parentid, sort_order, leaders) VALUES (?,?,?,?,?,?)',
    );
    for (const d of list)
      await dept.run([d.id, d.name, d.nameEn, d.parentid, d.order, JSON.stringify(d.leaders)]);
    await dept.finalize();
  }

  private async insertMembers(list: readonly PulledMember[], onRow?: (n: number) => void): Promise<void> {
    const mem = this.db.prepare(
      `INSERT INTO members (${MEMBER_INSERT_COLUMNS.join(', ')}) VALUES (${MEMBER_INSERT_COLUMNS.map(() => '?').join(',')})`,
    );
    const link = this.db.prepare(
      'INSERT OR REPLACE INTO member_departments (userid, department_id, sort_order, is_leader) VALUES (?,?,?,?)',
    );
    let n = 0;
    for (const m of list) {
      await mem.run(memberRowValues(m, m.pinyin, m.initials));
      for (const l of m.departments) await link.run([m.userid, l.departmentId, l.order, l.isLeader ? 1 : 0]);
      onRow?.(++n);
    }
    await mem.finalize();
    await link.finalize();
  }

  private async insertTags(list: readonly CTag[]): Promise<void> {
    const tag = this.db.prepare('INSERT INTO tags (tagid, tagname) VALUES (?,?)');
    const tm = this.db.prepare('INSERT OR IGNORE INTO tag_members (tagid, userid) VALUES (?,?)');
    const td = this.db.prepare('INSERT OR IGNORE INTO tag_departments (tagid, department_id) VALUES (?,?)');
    for (const t of list) {
      await tag.run([t.tagid, t.tagname]);
      for (const u of t.userids) await tm.run([t.tagid, u]);
      for (const d of t.departmentIds) await td.run([t.tagid, d]);
    }
    await tag.finalize();
    await tm.finalize();
    await td.finalize();
  }
}
