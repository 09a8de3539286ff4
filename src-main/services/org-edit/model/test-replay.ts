/**
 * For tests: replays planned calls against a strict model of WeCom, throwing on any call WeCom would
 * refuse (missing parent, cycle, depth > 15, sibling name clash, non-empty delete, oversized tag call,
 * unresolved placeholder). Returns the resulting state so tests can compare it with the working copy.
 */
import { MAX_DEPT_DEPTH } from '../../../contract/org-edit';
import type { WirePlanned as PlannedCall } from './test-wire';
import { DeptIndex } from '../../../domain/dept-index';
import { uidKey, type CacheSnapshot } from '../../../domain/org-cache';

export interface ReplayState {
  depts: Map<number, { name: string; parentid: number; order: number }>;
  members: Map<
    string,
    { userid: string; departments: number[]; main: number; fields: Record<string, unknown> }
  >;
  tags: Map<number, { name: string; users: Set<string>; parties: Set<number> }>;
  /** local (negative) id → id WeCom assigned */
  ids: Map<string, number>;
}

export function replay(base: CacheSnapshot, calls: readonly PlannedCall[]): ReplayState {
  const st: ReplayState = {
    depts: new Map(
      base.departments.map((d) => [d.id, { name: d.name, parentid: d.parentid, order: d.order }]),
    ),
    members: new Map(
      base.members.map((m) => [
        uidKey(m.userid),
        {
          userid: m.userid,
          departments: m.departments.map((l) => l.departmentId),
          main: m.mainDepartment,
          fields: {},
        },
      ]),
    ),
    tags: new Map(
      base.tags.map((t) => [
        t.tagid,
        { name: t.tagname, users: new Set(t.userids.map(uidKey)), parties: new Set(t.departmentIds) },
      ]),
    ),
    ids: new Map(),
  };
  let nextId = 900_000;
  const fail = (c: PlannedCall, why: string): never => {
    throw new Error(`call #${c.seq} ${c.api} ${JSON.stringify(c.body)}: ${why}`);
  };
  const real = (c: PlannedCall, kind: 'department' | 'tag', id: number): number => {
    if (id >= 0) return id;
    const r = st.ids.get(`${kind}:${id}`);
    if (r === undefined) fail(c, `placeholder ${kind} ${id} not defined yet`);
    return r!;
  };
  // The tree rules are WeCom's; the walks are the shared index's (depth 1-based, root = 1).
  const tree = new DeptIndex(base.departments);
  const siblingClash = (parent: number, name: string, self: number) =>
    [...st.depts].some(([id, d]) => id !== self && d.parentid === parent && d.name === name);

  for (const c of calls) {
    const b = c.body;
    switch (c.api) {
      case 'department/create': {
        if ('id' in b) fail(c, 'create must let WeCom assign the id');
        const parent = real(c, 'department', b.parentid as number);
        if (!st.depts.has(parent)) fail(c, 'parent missing');
        if (tree.depth(parent) + 1 > MAX_DEPT_DEPTH) fail(c, 'too deep');
        if (siblingClash(parent, b.name as string, -1)) fail(c, 'sibling name clash');
        const id = nextId++;
        st.depts.set(id, { name: b.name as string, parentid: parent, order: (b.order as number) ?? 0 });
        tree.set(id, parent);
        if (c.defines) st.ids.set(`department:${c.defines.localId}`, id);
        break;
      }
      case 'department/update': {
        const id = real(c, 'department', b.id as number);
        const d = st.depts.get(id) ?? fail(c, 'missing');
        const parent = b.parentid === undefined ? d.parentid : real(c, 'department', b.parentid as number);
        const name = (b.name as string | undefined) ?? d.name;
        if (parent !== d.parentid) {
          if (!st.depts.has(parent)) fail(c, 'target parent missing');
          if (tree.isSelfOrDescendant(parent, id)) fail(c, 'cycle');
          if (tree.depth(parent) + tree.height(id) > MAX_DEPT_DEPTH) fail(c, 'too deep');
        }
        if (siblingClash(parent, name, id)) fail(c, 'sibling name clash');
        st.depts.set(id, { name, parentid: parent, order: (b.order as number | undefined) ?? d.order });
        tree.set(id, parent);
        break;
      }
      case 'department/delete': {
        const id = real(c, 'department', b.id as number);
        if (!st.depts.has(id)) fail(c, 'missing');
        if (tree.childIds(id).size > 0) fail(c, 'has sub-departments');
        if ([...st.members.values()].some((m) => m.departments.includes(id))) fail(c, 'has members');
        st.depts.delete(id);
        tree.remove(id);
        for (const t of st.tags.values()) t.parties.delete(id);
        break;
      }
      case 'user/create':
      case 'user/update': {
        const k = uidKey(b.userid as string);
        const existing = st.members.get(k);
        if (c.api === 'user/create' && existing) fail(c, 'userid taken');
        if (c.api === 'user/update' && !existing) fail(c, 'missing member');
        const m = existing ?? { userid: b.userid as string, departments: [], main: 0, fields: {} };
        if (b.department !== undefined) {
          const ids = (b.department as number[]).map((x) => real(c, 'department', x));
          if (
            (b.order as unknown[] | undefined)?.length !== ids.length ||
            (b.is_leader_in_dept as unknown[] | undefined)?.length !== ids.length
          )
            fail(c, 'department/order/is_leader_in_dept must come together with equal lengths');
          for (const x of ids) if (!st.depts.has(x)) fail(c, `department ${x} missing`);
          m.departments = ids;
        } else if (c.api === 'user/create') fail(c, 'department required');
        if (b.main_department !== undefined) m.main = real(c, 'department', b.main_department as number);
        if (!m.departments.includes(m.main)) fail(c, 'main_department not in department');
        for (const l of (b.direct_leader as string[] | undefined) ?? [])
          if (!st.members.has(uidKey(l)) && uidKey(l) !== k) fail(c, `leader ${l} missing`);
        for (const [f, v] of Object.entries(b))
          if (!['userid', 'department', 'order', 'is_leader_in_dept', 'main_department'].includes(f))
            m.fields[f] = v;
        st.members.set(k, m);
        break;
      }
      case 'user/delete': {
        const k = uidKey(b.userid as string);
        if (!st.members.delete(k)) fail(c, 'missing member');
        for (const t of st.tags.values()) t.users.delete(k);
        break;
      }
      case 'tag/create': {
        if ([...st.tags.values()].some((t) => t.name === b.tagname)) fail(c, 'tag name taken (40071)');
        const id = nextId++;
        st.tags.set(id, { name: b.tagname as string, users: new Set(), parties: new Set() });
        if (c.defines) st.ids.set(`tag:${c.defines.localId}`, id);
        break;
      }
      case 'tag/update': {
        const id = real(c, 'tag', b.tagid as number);
        const t = st.tags.get(id) ?? fail(c, 'missing tag');
        if ([...st.tags].some(([tid, x]) => tid !== id && x.name === b.tagname))
          fail(c, 'tag name taken (40071)');
        t.name = b.tagname as string;
        break;
      }
      case 'tag/delete': {
        if (!st.tags.delete(real(c, 'tag', b.tagid as number))) fail(c, 'missing tag');
        break;
      }
      case 'tag/addtagusers':
      case 'tag/deltagusers': {
        const t = st.tags.get(real(c, 'tag', b.tagid as number)) ?? fail(c, 'missing tag');
        const users = b.userlist as string[];
        const parties = (b.partylist as number[]).map((x) => real(c, 'department', x));
        if (users.length > 1000 || parties.length > 100) fail(c, 'too many in one call (81014)');
        if (users.length + parties.length === 0) fail(c, 'empty call');
        for (const u of users) if (!st.members.has(uidKey(u))) fail(c, `user ${u} missing`);
        for (const p of parties) if (!st.depts.has(p)) fail(c, `party ${p} missing`);
        const adding = c.api === 'tag/addtagusers';
        for (const u of users) {
          if (adding) t.users.add(uidKey(u));
          else t.users.delete(uidKey(u));
        }
        for (const p of parties) {
          if (adding) t.parties.add(p);
          else t.parties.delete(p);
        }
        break;
      }
    }
  }
  return st;
}
