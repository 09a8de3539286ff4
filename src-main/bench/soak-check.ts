import type { OutboxCall } from '../contract/outbox';
import type { SandboxState } from '../sandbox';
import type { CDept, CMember, CTag } from '../services/org-edit/model/types';

export const TEST_ROOT = '压测专区';
export const TAG_PREFIX = '压测标签';
export const USER_PREFIX = 'soak';

/**
 * The soak's own corner of the corp, keyed by names and userids (unique by construction), so a state
 * that still holds local ids can be compared with WeCom's: every value is a JSON string.
 */
export interface Projection {
  depts: Map<string, string>;
  members: Map<string, string>;
  tags: Map<string, string>;
  /** names seen more than once (departments anywhere, tags) */
  duplicates: string[];
}

interface Flat {
  depts: CDept[];
  members: CMember[];
  tags: CTag[];
}

/** From the app's side (cache or working copy). */
export function project(x: Flat): Projection {
  const root = x.depts.find((d) => d.name === TEST_ROOT && d.parentid === 1);
  const inArea = new Set<number>();
  if (root) {
    inArea.add(root.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const d of x.depts)
        if (!inArea.has(d.id) && inArea.has(d.parentid)) {
          inArea.add(d.id);
          grew = true;
        }
    }
  }
  const name = new Map(x.depts.filter((d) => inArea.has(d.id)).map((d) => [d.id, d.name]));
  const nameOf = (id: number) => name.get(id) ?? `#${id}`;
  const p: Projection = { depts: new Map(), members: new Map(), tags: new Map(), duplicates: [] };
  for (const d of x.depts) {
    if (!inArea.has(d.id)) continue;
    if (p.depts.has(d.name)) p.duplicates.push(`部门 ${d.name}`);
    p.depts.set(d.name, JSON.stringify({ parent: nameOf(d.parentid), order: d.order }));
  }
  for (const m of x.members) {
    const uid = m.userid.toLowerCase();
    if (!uid.startsWith(USER_PREFIX)) continue;
    p.members.set(
      uid,
      JSON.stringify({
        name: m.name,
        position: m.position,
        email: m.email,
        depts: m.departments.map((l) => nameOf(l.departmentId)).sort(),
        main: nameOf(m.mainDepartment),
        enable: m.enable,
      }),
    );
  }
  // WeCom drops a deleted member from its tags; the app's copy may still list them (see staleTagMembers).
  const alive = new Set(x.members.map((m) => m.userid.toLowerCase()));
  for (const t of x.tags) {
    if (!t.tagname.startsWith(TAG_PREFIX)) continue;
    if (p.tags.has(t.tagname)) p.duplicates.push(`标签 ${t.tagname}`);
    const users = t.userids.map((u) => u.toLowerCase()).filter((u) => alive.has(u));
    p.tags.set(t.tagname, JSON.stringify(users.sort()));
  }
  return p;
}

/** Soak tags that still list a member who no longer exists (WeCom removes them on delete). */
export function staleTagMembers(x: Flat): string[] {
  const alive = new Set(x.members.map((m) => m.userid.toLowerCase()));
  const out: string[] = [];
  for (const t of x.tags) {
    if (!t.tagname.startsWith(TAG_PREFIX)) continue;
    for (const u of t.userids) if (!alive.has(u.toLowerCase())) out.push(`${t.tagname}∋${u}`);
  }
  return out;
}

/** The same projection of the sandbox's (WeCom's) state. */
export function projectSandbox(s: SandboxState): Projection {
  return project({
    depts: [...s.departments.values()].map((d) => ({
      id: d.id,
      name: d.name,
      parentid: d.parentid,
      order: d.order,
    })),
    members: [...s.users.values()].map((u) => ({
      userid: u.userid,
      name: u.name,
      alias: u.alias,
      mobile: u.mobile,
      email: u.email,
      telephone: u.telephone,
      position: u.position,
      gender: u.gender,
      status: u.status,
      enable: u.status !== 2,
      mainDepartment: u.main_department,
      departments: u.department.map((id, i) => ({
        departmentId: id,
        order: u.order[i] ?? 0,
        isLeader: u.is_leader_in_dept[i] === 1,
      })),
      directLeader: u.direct_leader,
    })),
    tags: [...s.tags.values()].map((t) => ({
      tagid: t.tagid,
      tagname: t.tagname,
      userids: [...t.users],
      departmentIds: [...t.parties],
    })),
  });
}

/** Keys whose values differ between two projections, as 「kind key: want → got」 lines. */
export function diffProjections(want: Projection, got: Projection): string[] {
  const out: string[] = [];
  const cmp = (kind: string, a: Map<string, string>, b: Map<string, string>) => {
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(k);
      const y = b.get(k);
      if (x !== y) out.push(`${kind} ${k}: 应为 ${x ?? '（不存在）'}，实为 ${y ?? '（不存在）'}`);
    }
  };
  cmp('部门', want.depts, got.depts);
  cmp('成员', want.members, got.members);
  cmp('标签', want.tags, got.tags);
  return out;
}

/** Duplicates anywhere in the sandbox: two departments of one name under one parent, a tag name twice. */
export function sandboxDuplicates(s: SandboxState): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const d of s.departments.values()) {
    const k = `${d.parentid}/${d.name}`;
    if (seen.has(k)) out.push(`部门 ${k}`);
    seen.add(k);
  }
  const tags = new Set<string>();
  for (const t of s.tags.values()) {
    if (tags.has(t.tagname)) out.push(`标签 ${t.tagname}`);
    tags.add(t.tagname);
  }
  return out;
}

export interface Touched {
  depts: Set<number>;
  users: Set<string>;
  tags: Set<number>;
}

/**
 * Every entity the round does not name, as JSON. Users the round deletes or moves may leave tags, so
 * tag member lists ignore the round's users and departments.
 */
export function untouchedSnapshot(s: SandboxState, t: Touched): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of s.departments.values()) {
    if (t.depts.has(d.id)) continue;
    out.set(`部门 ${d.id}`, JSON.stringify([d.name, d.parentid, d.order]));
  }
  for (const u of s.users.values()) {
    const key = u.userid.toLowerCase();
    if (t.users.has(key)) continue;
    const { prevStatus: _p, ...rest } = u;
    out.set(`成员 ${key}`, JSON.stringify(rest));
  }
  for (const tag of s.tags.values()) {
    if (t.tags.has(tag.tagid)) continue;
    const users = [...tag.users].filter((x) => !t.users.has(x)).sort();
    const parties = [...tag.parties].filter((x) => !t.depts.has(x)).sort((a, b) => a - b);
    out.set(`标签 ${tag.tagid}`, JSON.stringify([tag.tagname, tag.owner, users, parties]));
  }
  return out;
}

/** Untouched entities that changed or vanished since `before`. */
export function wrongTargets(before: Map<string, string>, s: SandboxState, t: Touched): string[] {
  const after = untouchedSnapshot(s, t);
  const out: string[] = [];
  for (const [k, v] of before)
    if (after.get(k) !== v) out.push(`${k}: ${v} → ${after.get(k) ?? '（已不存在）'}`);
  return out;
}

/**
 * Whether WeCom (the sandbox) shows the effect of a call the outbox marked failed. `tagOf` maps a tag
 * local id to the id its batch got (undefined: its create never completed, so the call was not sent).
 */
export function effectPresent(
  call: OutboxCall,
  s: SandboxState,
  tagOf: (localId: number) => number | undefined,
): boolean {
  const deptByName = (name: string) => [...s.departments.values()].some((d) => d.name === name);
  const tagId = (id: number) => (id < 0 ? tagOf(id) : id);
  switch (call.kind) {
    case 'dept.create':
      return deptByName(call.name);
    case 'dept.update': {
      const d = s.departments.get(call.id);
      return (
        !!d &&
        (call.name === undefined || d.name === call.name) &&
        (call.parentId === undefined || call.parentId < 0 || d.parentid === call.parentId)
      );
    }
    case 'dept.delete':
      return !s.departments.has(call.id);
    case 'member.create':
      return s.users.has(call.userid.toLowerCase());
    case 'member.update': {
      const u = s.users.get(call.userid.toLowerCase());
      if (!u) return false;
      const f = call.fields;
      return (
        (f.position === undefined || u.position === f.position) &&
        (f.name === undefined || u.name === f.name) &&
        (f.departments === undefined ||
          f.departments.every((l) => l.departmentId < 0 || u.department.includes(l.departmentId)))
      );
    }
    case 'member.delete':
      return !s.users.has(call.userid.toLowerCase());
    case 'tag.create':
      return [...s.tags.values()].some((t) => t.tagname === call.name);
    case 'tag.update': {
      const id = tagId(call.tagid);
      return id !== undefined && s.tags.get(id)?.tagname === call.name;
    }
    case 'tag.delete': {
      const id = tagId(call.tagid);
      return id !== undefined && !s.tags.has(id);
    }
    case 'tag.addMembers':
    case 'tag.removeMembers': {
      const id = tagId(call.tagid);
      const t = id === undefined ? undefined : s.tags.get(id);
      if (!t) return false;
      const want = call.kind === 'tag.addMembers';
      return call.userids.every((u) => t.users.has(u.toLowerCase()) === want);
    }
    case 'member.invite':
      return false;
    case 'message.send':
    case 'message.recall':
      // the contacts soak sends no messages; a message's effect is its recipients' inboxes
      return false;
    case 'media.upload':
      return false;
  }
}
