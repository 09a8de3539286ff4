import type { ChangeOp } from '../../../../contract/org-edit';
import { memberFieldsOf, withMemberFields } from '../../../../domain/member-fields';
import { uidKey, type CMember } from '../../../../domain/org-cache';
import type { Stores } from './store';

/**
 * Applies one op (already validated) to the stores. Lenient on purpose: an op that no longer fits (its
 * entity was deleted in WeCom since it was staged) is skipped and reported as false instead of
 * throwing, so the editor still opens and the conflict view can explain.
 */
export function applyOp(s: Stores, op: ChangeOp): boolean {
  switch (op.type) {
    case 'dept.create':
    case 'dept.update':
    case 'dept.delete':
      return applyDeptOp(s, op);
    case 'member.create':
    case 'member.update':
    case 'member.delete':
      return applyMemberOp(s, op);
    default:
      return applyTagOp(s, op);
  }
}

type OpOf<P extends string> = Extract<ChangeOp, { type: `${P}.${string}` }>;

function applyDeptOp(s: Stores, op: OpOf<'dept'>): boolean {
  if (op.type === 'dept.create') {
    if (s.depts.cur.has(op.id)) return false;
    s.put(s.depts, op.id, { id: op.id, name: op.name, parentid: op.parentid, order: op.order }, false);
    return true;
  }
  const d = s.depts.live(op.id);
  if (!d) return false;
  if (op.type === 'dept.update') {
    const next = {
      id: d.id,
      name: op.name ?? d.name,
      parentid: op.parentid ?? d.parentid,
      order: op.order ?? d.order,
    };
    s.put(s.depts, op.id, next, false);
  } else if (s.depts.base(op.id) === null) {
    s.put(s.depts, op.id, undefined, false);
    forgetInTags(s, null, op.id);
  } else s.put(s.depts, op.id, d, true);
  return true;
}

function applyMemberOp(s: Stores, op: OpOf<'member'>): boolean {
  const k = uidKey(op.userid);
  if (op.type === 'member.create') {
    if (s.mems.cur.has(k)) return false;
    const m: CMember = { userid: op.userid, status: op.fields.enable ? 4 : 2, ...memberFieldsOf(op.fields) };
    s.put(s.mems, k, m, false);
    return true;
  }
  const m = s.mems.live(k);
  if (!m) return false;
  if (op.type === 'member.update') {
    const next = withMemberFields(m, op.fields);
    if (next.enable !== m.enable) {
      // WeCom reports a disabled member as status 2; re-enabling restores what the cache knew.
      const baseStatus = s.mems.base(k)?.status;
      next.status = next.enable ? (baseStatus !== undefined && baseStatus !== 2 ? baseStatus : 1) : 2;
    }
    s.put(s.mems, k, next, false);
  } else if (s.mems.base(k) === null) {
    s.put(s.mems, k, undefined, false);
    forgetInTags(s, k, null);
  } else s.put(s.mems, k, m, true);
  return true;
}

function applyTagOp(s: Stores, op: OpOf<'tag'>): boolean {
  if (op.type === 'tag.create') {
    if (s.tags.cur.has(op.tagid)) return false;
    s.put(s.tags, op.tagid, { tagid: op.tagid, tagname: op.tagname, userids: [], departmentIds: [] }, false);
    return true;
  }
  const t = s.tags.live(op.tagid);
  if (!t) return false;
  switch (op.type) {
    case 'tag.update':
      s.put(s.tags, op.tagid, { ...t, tagname: op.tagname }, false);
      break;
    case 'tag.delete':
      if (s.tags.base(op.tagid) === null) s.put(s.tags, op.tagid, undefined, false);
      else s.put(s.tags, op.tagid, t, true);
      break;
    case 'tag.addMembers': {
      const userids = unionBy(t.userids, op.userids, uidKey);
      const departmentIds = unionBy(t.departmentIds, op.departmentIds, (d) => d);
      s.put(s.tags, op.tagid, { ...t, userids, departmentIds }, false);
      break;
    }
    case 'tag.removeMembers': {
      const drop = new Set(op.userids.map(uidKey));
      const dropD = new Set(op.departmentIds);
      const next = {
        ...t,
        userids: t.userids.filter((u) => !drop.has(uidKey(u))),
        departmentIds: t.departmentIds.filter((d) => !dropD.has(d)),
      };
      s.put(s.tags, op.tagid, next, false);
      break;
    }
  }
  return true;
}

/** `have` followed by the items of `add` it does not hold yet, in order. */
function unionBy<T>(have: readonly T[], add: readonly T[], key: (v: T) => unknown): T[] {
  const seen = new Set(have.map(key));
  const out = [...have];
  for (const v of add) {
    if (seen.has(key(v))) continue;
    seen.add(key(v));
    out.push(v);
  }
  return out;
}

/** A local creation that is cancelled must not leave dangling references in tags. */
function forgetInTags(s: Stores, userKey: string | null, deptId: number | null): void {
  for (const t of s.tags.cur.values()) {
    const hitU = userKey !== null && t.userids.some((u) => uidKey(u) === userKey);
    const hitD = deptId !== null && t.departmentIds.includes(deptId);
    if (!hitU && !hitD) continue;
    const next = {
      ...t,
      userids: hitU ? t.userids.filter((u) => uidKey(u) !== userKey) : t.userids,
      departmentIds: hitD ? t.departmentIds.filter((d) => d !== deptId) : t.departmentIds,
    };
    s.put(s.tags, t.tagid, next, s.tags.deleted.has(t.tagid));
  }
}
