import type { MemberIndexRow, MemberStatus } from '../../contract/org';
import { uidKey, type CMemberDept, type CacheSnapshot } from '../../domain/org-cache';
import type { Db } from '../connection';
import { memberFromRow, type MemberRow } from './org-member-row';

/** Reads of the cache: the whole snapshot for the editing model, the search index, counts. */
export class OrgCacheReader {
  constructor(private readonly db: Db) {}

  /** The whole cache in the domain's shapes, for the editing model. */
  async loadSnapshot(): Promise<CacheSnapshot> {
    const [depts, members, links, tags, tagMembers, tagDepts] = await Promise.all([
      this.db.all<{ id: number; name: string; parentid: number; sort_order: number }>(
        'SELECT id, name, parentid, sort_order FROM departments',
      ),
      this.db.all<MemberRow>('SELECT * FROM members'),
      this.db.all<{ userid: string; department_id: number; sort_order: number; is_leader: number }>(
        'SELECT userid, department_id, sort_order, is_leader FROM member_departments',
      ),
      this.db.all<{ tagid: number; tagname: string }>('SELECT tagid, tagname FROM tags'),
      this.db.all<{ tagid: number; userid: string }>('SELECT tagid, userid FROM tag_members'),
      this.db.all<{ tagid: number; department_id: number }>(
        'SELECT tagid, department_id FROM tag_departments',
      ),
    ]);
    const linksBy = groupBy(
      links,
      (l) => uidKey(l.userid),
      (l): CMemberDept => ({
        departmentId: l.department_id,
        order: l.sort_order,
        isLeader: l.is_leader === 1,
      }),
    );
    const tagUsers = groupBy(
      tagMembers,
      (t) => t.tagid,
      (t) => t.userid,
    );
    const tagParts = groupBy(
      tagDepts,
      (t) => t.tagid,
      (t) => t.department_id,
    );
    return {
      departments: depts.map((d) => ({ id: d.id, name: d.name, parentid: d.parentid, order: d.sort_order })),
      members: members.map((m) => memberFromRow(m, linksBy.get(uidKey(m.userid)) ?? [])),
      tags: tags.map((t) => ({
        tagid: t.tagid,
        tagname: t.tagname,
        userids: tagUsers.get(t.tagid) ?? [],
        departmentIds: tagParts.get(t.tagid) ?? [],
      })),
    };
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
      mobile: string;
      email: string;
    }>(
      `SELECT m.userid, m.name, m.name_pinyin, m.name_initials, m.position, m.status, m.mobile, m.email,
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
      mobile: r.mobile,
      email: r.email,
    }));
  }

  async counts(): Promise<{ departments: number; members: number; tags: number; notJoined: number }> {
    const r = await this.db.get<{ d: number; m: number; t: number; n: number }>(
      `SELECT (SELECT COUNT(*) FROM departments) d, (SELECT COUNT(*) FROM members) m,
              (SELECT COUNT(*) FROM tags) t, (SELECT COUNT(*) FROM members WHERE status = 4) n`,
    );
    return { departments: r?.d ?? 0, members: r?.m ?? 0, tags: r?.t ?? 0, notJoined: r?.n ?? 0 };
  }

  /** Previously computed pinyin by name, so a re-sync only converts names it has not seen. */
  async pinyinByName(): Promise<Map<string, { pinyin: string; initials: string }>> {
    const rows = await this.db.all<{ name: string; name_pinyin: string; name_initials: string }>(
      'SELECT DISTINCT name, name_pinyin, name_initials FROM members',
    );
    return new Map(rows.map((r) => [r.name, { pinyin: r.name_pinyin, initials: r.name_initials }]));
  }
}

function groupBy<T, K, V>(rows: readonly T[], key: (r: T) => K, value: (r: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const arr = out.get(k);
    if (arr) arr.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}
