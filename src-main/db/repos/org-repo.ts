import type { Department, Member, MemberIndexRow, MemberStatus, Tag } from '../../contract/org';
import { TOP_GROUPS } from '../../contract/org';
import { cacheTables } from '../cache/schema';
import type { Db } from '../connection';

type ProgressFn = (done: number, total: number) => void;
/** The org tables, children first; cache_meta is kept by a sync. */
const orgTables = cacheTables.filter((t) => t !== 'cache_meta');

/** What a sync pulled from WeCom, already normalised; the repo replaces the cache with it. */
export interface OrgSnapshot {
  departments: Array<{
    id: number;
    name: string;
    nameEn: string;
    parentid: number;
    order: number;
    leaders: string[];
  }>;
  members: Array<{
    userid: string;
    name: string;
    alias: string;
    position: string;
    mobile: string;
    email: string;
    telephone: string;
    gender: string;
    status: number;
    mainDepartment: number | null;
    directLeader: string[];
    pinyin: string;
    initials: string;
    departments: Array<{ departmentId: number; order: number; isLeader: boolean }>;
  }>;
  tags: Array<{ tagid: number; tagname: string; userids: string[]; departmentIds: number[] }>;
}

/** The cache as rows; structurally the editing model's CacheSnapshot. */
export interface CacheRows {
  departments: Array<{ id: number; name: string; parentid: number; order: number }>;
  members: Array<{
    userid: string;
    name: string;
    alias: string;
    mobile: string;
    email: string;
    telephone: string;
    position: string;
    gender: '0' | '1' | '2';
    status: MemberStatus;
    enable: boolean;
    mainDepartment: number;
    departments: Array<{ departmentId: number; order: number; isLeader: boolean }>;
    directLeader: string[];
  }>;
  tags: Array<{ tagid: number; tagname: string; userids: string[]; departmentIds: number[] }>;
}

interface DeptRow {
  id: number;
  name: string;
  parentid: number;
  sort_order: number;
  member_count: number;
}
interface MemberRow {
  userid: string;
  name: string;
  alias: string;
  position: string;
  mobile: string;
  email: string;
  telephone: string;
  gender: string;
  status: number;
  main_department: number | null;
  direct_leader: string;
  depts: string | null;
}

const pinnedRank = (d: { name: string; parentid: number }, rootIds: Set<number>): number | null => {
  if (!rootIds.has(d.parentid)) return null;
  const i = (TOP_GROUPS as readonly string[]).indexOf(d.name);
  return i < 0 ? null : i;
};

export class OrgRepo {
  constructor(private readonly db: Db) {}

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
    const total = s.departments.length + s.members.length + s.tags.length;
    await this.db.transaction(async () => {
      await this.db.exec(orgTables.map((t) => `DELETE FROM ${t};`).join(' '));
      await this.insertDepartments(s.departments);
      onProgress?.(s.departments.length, total);
      await this.insertMembers(s.members, (n) => {
        if (n % 5000 === 0) onProgress?.(s.departments.length + n, total);
      });
      await this.insertTags(s.tags);
      if (corpId !== undefined) await this.setCacheCorp(corpId);
      onProgress?.(total, total);
    });
  }

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

  /**
   * Refreshes part of the cache from WeCom: the whole department tree, and only the given members and
   * tags (those a push touched). Members and tags WeCom no longer has are removed.
   */
  async applyPartial(p: {
    departments: OrgSnapshot['departments'];
    members: OrgSnapshot['members'];
    missingUserids: string[];
    tags: OrgSnapshot['tags'];
    missingTagids: number[];
  }): Promise<void> {
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

  private async insertDepartments(list: OrgSnapshot['departments']): Promise<void> {
    const dept = this.db.prepare(
      'INSERT INTO departments (id, name, name_en, parentid, sort_order, leaders) VALUES (?,?,?,?,?,?)',
    );
    for (const d of list)
      await dept.run([d.id, d.name, d.nameEn, d.parentid, d.order, JSON.stringify(d.leaders)]);
    await dept.finalize();
  }

  private async insertMembers(list: OrgSnapshot['members'], onRow?: (n: number) => void): Promise<void> {
    const mem = this.db.prepare(
      `INSERT INTO members (userid, name, alias, position, mobile, email, telephone, gender, status,
        main_department, direct_leader, name_pinyin, name_initials, enable) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const link = this.db.prepare(
      'INSERT OR REPLACE INTO member_departments (userid, department_id, sort_order, is_leader) VALUES (?,?,?,?)',
    );
    let n = 0;
    for (const m of list) {
      await mem.run([
        m.userid,
        m.name,
        m.alias,
        m.position,
        m.mobile,
        m.email,
        m.telephone,
        m.gender,
        m.status,
        m.mainDepartment,
        JSON.stringify(m.directLeader),
        m.pinyin,
        m.initials,
        m.status === 2 ? 0 : 1,
      ]);
      for (const l of m.departments) await link.run([m.userid, l.departmentId, l.order, l.isLeader ? 1 : 0]);
      onRow?.(++n);
    }
    await mem.finalize();
    await link.finalize();
  }

  private async insertTags(list: OrgSnapshot['tags']): Promise<void> {
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

  async departments(): Promise<Department[]> {
    const rows = await this.db.all<DeptRow>(
      `SELECT d.id, d.name, d.parentid, d.sort_order,
        (SELECT COUNT(*) FROM member_departments md WHERE md.department_id = d.id) AS member_count
       FROM departments d`,
    );
    const ids = new Set(rows.map((r) => r.id));
    // Top groups are children of a root: a department whose parent is not cached (id 1's parent 0).
    const rootIds = new Set(rows.filter((r) => !ids.has(r.parentid)).map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      parentid: r.parentid,
      order: r.sort_order,
      memberCount: r.member_count,
      pinnedRank: pinnedRank(r, rootIds),
    }));
  }

  async membersOf(departmentId: number): Promise<Member[]> {
    const rows = await this.db.all<MemberRow>(
      `SELECT m.*, (SELECT json_group_array(json_array(x.department_id, x.sort_order, x.is_leader))
                    FROM member_departments x WHERE x.userid = m.userid) AS depts
       FROM member_departments md JOIN members m ON m.userid = md.userid
       WHERE md.department_id = ? ORDER BY md.sort_order DESC, m.name_pinyin`,
      [departmentId],
    );
    return rows.map(toMember);
  }

  async memberIndex(): Promise<MemberIndexRow[]> {
    const rows = await this.db.all<{
      userid: string;
      name: string;
      name_pinyin: string;
      name_initials: string;
      position: string;
      status: number;
      depts: string | null;
    }>(
      `SELECT m.userid, m.name, m.name_pinyin, m.name_initials, m.position, m.status,
        (SELECT group_concat(department_id) FROM member_departments x WHERE x.userid = m.userid) AS depts
       FROM members m ORDER BY m.name_pinyin`,
    );
    return rows.map((r) => ({
      userid: r.userid,
      name: r.name,
      pinyin: r.name_pinyin,
      initials: r.name_initials,
      position: r.position,
      status: r.status as MemberStatus,
      departmentIds: r.depts ? r.depts.split(',').map(Number) : [],
    }));
  }

  async tags(): Promise<Tag[]> {
    return this.db.all<Tag>(
      `SELECT t.tagid, t.tagname,
        (SELECT COUNT(*) FROM tag_members x WHERE x.tagid = t.tagid) AS memberCount,
        (SELECT COUNT(*) FROM tag_departments y WHERE y.tagid = t.tagid) AS departmentCount
       FROM tags t ORDER BY t.tagid`,
    );
  }

  async counts(): Promise<{ departments: number; members: number; tags: number; notJoined: number }> {
    const r = await this.db.get<{ d: number; m: number; t: number; n: number }>(
      `SELECT (SELECT COUNT(*) FROM departments) d, (SELECT COUNT(*) FROM members) m,
              (SELECT COUNT(*) FROM tags) t, (SELECT COUNT(*) FROM members WHERE status = 4) n`,
    );
    return { departments: r?.d ?? 0, members: r?.m ?? 0, tags: r?.t ?? 0, notJoined: r?.n ?? 0 };
  }

  /** The whole cache as plain rows, for the editing model. */
  async loadSnapshot(): Promise<CacheRows> {
    const [depts, members, links, tags, tagMembers, tagDepts] = await Promise.all([
      this.db.all<{ id: number; name: string; parentid: number; sort_order: number }>(
        'SELECT id, name, parentid, sort_order FROM departments',
      ),
      this.db.all<MemberRow & { enable: number }>('SELECT *, NULL AS depts FROM members'),
      this.db.all<{ userid: string; department_id: number; sort_order: number; is_leader: number }>(
        'SELECT userid, department_id, sort_order, is_leader FROM member_departments',
      ),
      this.db.all<{ tagid: number; tagname: string }>('SELECT tagid, tagname FROM tags'),
      this.db.all<{ tagid: number; userid: string }>('SELECT tagid, userid FROM tag_members'),
      this.db.all<{ tagid: number; department_id: number }>(
        'SELECT tagid, department_id FROM tag_departments',
      ),
    ]);
    const linksBy = new Map<string, CacheRows['members'][number]['departments']>();
    for (const l of links) {
      const k = l.userid.toLowerCase();
      let arr = linksBy.get(k);
      if (!arr) linksBy.set(k, (arr = []));
      arr.push({ departmentId: l.department_id, order: l.sort_order, isLeader: l.is_leader === 1 });
    }
    const tagUsers = new Map<number, string[]>();
    for (const t of tagMembers)
      (tagUsers.get(t.tagid) ?? tagUsers.set(t.tagid, []).get(t.tagid)!).push(t.userid);
    const tagParts = new Map<number, number[]>();
    for (const t of tagDepts)
      (tagParts.get(t.tagid) ?? tagParts.set(t.tagid, []).get(t.tagid)!).push(t.department_id);
    return {
      departments: depts.map((d) => ({ id: d.id, name: d.name, parentid: d.parentid, order: d.sort_order })),
      members: members.map((m) => {
        const departments = linksBy.get(m.userid.toLowerCase()) ?? [];
        return {
          userid: m.userid,
          name: m.name,
          alias: m.alias,
          mobile: m.mobile,
          email: m.email,
          telephone: m.telephone,
          position: m.position,
          gender: (['0', '1', '2'].includes(m.gender) ? m.gender : '0') as '0' | '1' | '2',
          status: m.status as MemberStatus,
          enable: m.enable === 1,
          mainDepartment: m.main_department ?? departments[0]?.departmentId ?? 1,
          departments,
          directLeader: JSON.parse(m.direct_leader) as string[],
        };
      }),
      tags: tags.map((t) => ({
        tagid: t.tagid,
        tagname: t.tagname,
        userids: tagUsers.get(t.tagid) ?? [],
        departmentIds: tagParts.get(t.tagid) ?? [],
      })),
    };
  }

  /** Members per status, per department (direct members), for the activation view. */
  async activationCounts(): Promise<Array<{ departmentId: number; status: number; n: number }>> {
    return this.db.all(
      `SELECT md.department_id AS departmentId, m.status AS status, COUNT(*) AS n
       FROM member_departments md JOIN members m ON m.userid = md.userid GROUP BY md.department_id, m.status`,
    );
  }

  /** Previously computed pinyin by name, so a re-sync only converts names it has not seen. */
  async pinyinByName(): Promise<Map<string, { pinyin: string; initials: string }>> {
    const rows = await this.db.all<{ name: string; name_pinyin: string; name_initials: string }>(
      'SELECT DISTINCT name, name_pinyin, name_initials FROM members',
    );
    return new Map(rows.map((r) => [r.name, { pinyin: r.name_pinyin, initials: r.name_initials }]));
  }
}

function toMember(r: MemberRow): Member {
  const depts = (r.depts ? (JSON.parse(r.depts) as Array<[number, number, number]>) : []).map(
    ([departmentId, order, leader]) => ({ departmentId, order, isLeader: leader === 1 }),
  );
  return {
    userid: r.userid,
    name: r.name,
    alias: r.alias,
    position: r.position,
    mobile: r.mobile,
    email: r.email,
    telephone: r.telephone,
    gender: r.gender,
    status: r.status as MemberStatus,
    mainDepartment: r.main_department,
    departments: depts,
    directLeader: JSON.parse(r.direct_leader) as string[],
  };
}
