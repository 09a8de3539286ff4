import type { Recipients } from '../contract/message-calls';
import { DeptIndex } from './dept-index';
import { ROOT_DEPT_ID, uidKey, type CacheSnapshot, type CMember } from './org-cache';

/** An app's 可见范围 as agent/get reports it. */
export interface AppRange {
  userids: string[];
  departmentIds: number[];
  tagIds: number[];
}

/**
 * Who a notice reaches, counted from the cached 通讯录 the way WeCom expands it (API.md §4.1):
 * departments include their sub-departments, a member reached several ways counts once, "@all" is
 * the app's whole visible range. Each list is userids, so the composer can show the names behind
 * every number (「共 693 人，其中 12 人未激活收不到，3 人已停用」).
 */
export interface HeadCount {
  /** distinct members named or reached, whatever their state */
  total: number;
  /** joined and enabled: these receive it */
  receiving: string[];
  /** status 4: not joined yet, nothing arrives */
  notJoined: string[];
  /** disabled (status 2 or 5, or 禁用) */
  disabled: string[];
  /** reached by a department or tag, or named, but outside the app's 可见范围 */
  outsideRange: string[];
  unknownUsers: string[];
  unknownDepartments: number[];
  unknownTags: number[];
}

/** Everyone a notice reaches inside the app's range, whatever their state (the people its calls name). */
export function reachedUserids(h: HeadCount): string[] {
  return [...h.receiving, ...h.notJoined, ...h.disabled];
}

/** The members an app may reach; undefined range = the whole corp. */
function reachable(
  snap: CacheSnapshot,
  index: DeptIndex,
  byDept: Map<number, CMember[]>,
  range: AppRange | undefined,
): Set<string> | undefined {
  if (!range || range.departmentIds.includes(ROOT_DEPT_ID)) return undefined;
  const out = new Set(range.userids.map(uidKey));
  const addDept = (id: number) => {
    for (const d of index.subtree(id)) for (const m of byDept.get(d) ?? []) out.add(uidKey(m.userid));
  };
  for (const d of range.departmentIds) addDept(d);
  for (const t of snap.tags) {
    if (!range.tagIds.includes(t.tagid)) continue;
    for (const u of t.userids) out.add(uidKey(u));
    for (const d of t.departmentIds) addDept(d);
  }
  return out;
}

export function headCount(snap: CacheSnapshot, to: Recipients, range?: AppRange): HeadCount {
  const index = new DeptIndex(snap.departments);
  const byDept = new Map<number, CMember[]>();
  const byUid = new Map<string, CMember>();
  for (const m of snap.members) {
    byUid.set(uidKey(m.userid), m);
    for (const l of m.departments) {
      let list = byDept.get(l.departmentId);
      if (!list) byDept.set(l.departmentId, (list = []));
      list.push(m);
    }
  }
  const canReach = reachable(snap, index, byDept, range);
  const reached = new Map<string, CMember>();
  const out: HeadCount = {
    total: 0,
    receiving: [],
    notJoined: [],
    disabled: [],
    outsideRange: [],
    unknownUsers: [],
    unknownDepartments: [],
    unknownTags: [],
  };
  const addDept = (id: number) => {
    for (const d of index.subtree(id)) for (const m of byDept.get(d) ?? []) reached.set(uidKey(m.userid), m);
  };
  if (to.all) {
    for (const m of snap.members) reached.set(uidKey(m.userid), m);
  } else {
    for (const u of to.userids) {
      const m = byUid.get(uidKey(u));
      if (m) reached.set(uidKey(u), m);
      else out.unknownUsers.push(u);
    }
    for (const d of to.departmentIds) {
      if (index.has(d)) addDept(d);
      else out.unknownDepartments.push(d);
    }
    for (const id of to.tagIds) {
      const t = snap.tags.find((x) => x.tagid === id);
      if (!t) {
        out.unknownTags.push(id);
        continue;
      }
      for (const u of t.userids) {
        const m = byUid.get(uidKey(u));
        if (m) reached.set(uidKey(u), m);
      }
      for (const d of t.departmentIds) addDept(d);
    }
  }
  for (const [key, m] of reached) {
    if (canReach && !canReach.has(key)) {
      // "@all" means the app's range, so people outside it are simply not part of the notice
      if (!to.all) out.outsideRange.push(m.userid);
      continue;
    }
    out.total++;
    if (m.status === 4) out.notJoined.push(m.userid);
    else if (m.status !== 1 || !m.enable) out.disabled.push(m.userid);
    else out.receiving.push(m.userid);
  }
  return out;
}
