import { MAX_DEPT_DEPTH, type ChangeOp } from '../../../contract/org-edit';
import { describeDeptChange } from './summaries';
import {
  ROOT_DEPT_ID,
  emailKey,
  mobileKey,
  sameLinks,
  sameSet,
  uidKey,
  type CDept,
  type CMember,
  type CTag,
  type CacheSnapshot,
} from './types';
import { WorkingCopy } from './working-copy';
import type { CallOf, ContactsCall, MemberCallFields } from '../../../contract/outbox';

/**
 * Turns staged ops into the WeCom calls to make, net of redundancy and in an order where every call is
 * valid against the state the previous calls left (API.md §2): the outbox then runs them one by one.
 *
 * Phases: department creates and updates (simulated, so no move ever targets a missing parent, forms a
 * cycle, exceeds 15 levels or collides with a sibling's name) → tag creates/renames → member creates →
 * member updates → tag membership → member deletes → tag deletes → department deletes (children first).
 */

export interface PlannedCall {
  seq: number;
  /** A domain call; department/tag ids < 0 refer to creates earlier in the same plan. */
  call: ContactsCall;
  entity: 'department' | 'member' | 'tag';
  key: string;
  summary: string;
  /** Entity state before / after the call, for the audit log. */
  before: unknown | null;
  after: unknown | null;
}

/** WeCom caps per tag membership call (API.md §2.3). */
export const TAG_USERS_PER_CALL = 1000;
export const TAG_PARTIES_PER_CALL = 100;
const WALK_LIMIT = 64;

type Draft = Omit<PlannedCall, 'seq'>;

export function planCalls(base: CacheSnapshot, ops: readonly ChangeOp[]): PlannedCall[] {
  // Fold the ops over only what they touch (plus the whole, small, department tree): the working copy
  // then holds each entity's net final state, and its base the state before.
  const userKeys = new Set<string>();
  const tagIds = new Set<number>();
  for (const op of ops) {
    if (op.type.startsWith('member.')) userKeys.add(uidKey((op as { userid: string }).userid));
    else if (op.type.startsWith('tag.')) tagIds.add((op as { tagid: number }).tagid);
  }
  const wc = WorkingCopy.build(
    {
      departments: base.departments,
      members: base.members.filter((m) => userKeys.has(uidKey(m.userid))),
      tags: base.tags.filter((t) => tagIds.has(t.tagid)),
    },
    ops,
  );

  const out: Draft[] = [];
  const sim = planDepartments(base, wc, out);
  const pendingTagDeletes = planTagNames(base, wc, out);
  planMembers(wc, out);
  planTagMembership(wc, out);
  for (const k of wc.touchedKeys('member')) {
    const b = wc.baseMember(k);
    if (b && wc.isDeleted('member', k))
      out.push({
        call: { kind: 'member.delete', userid: b.userid },
        entity: 'member',
        key: b.userid,
        summary: `删除成员 ${b.name}（${b.userid}）`,
        before: b,
        after: null,
      });
  }
  for (const t of pendingTagDeletes.values()) out.push(tagDelete(t));
  const deletes: CDept[] = [];
  for (const id of wc.touchedKeys('department')) {
    const b = wc.baseDept(id);
    if (b && wc.isDeleted('department', id)) deletes.push(b);
  }
  // Children before parents: WeCom refuses to delete a department that still has sub-departments.
  deletes.sort((a, b) => sim.depth(b.id) - sim.depth(a.id) || a.id - b.id);
  for (const d of deletes)
    out.push({
      call: { kind: 'dept.delete', id: d.id },
      entity: 'department',
      key: String(d.id),
      summary: `删除部门「${d.name}」`,
      before: d,
      after: null,
    });

  return out.map((c, i) => ({ seq: i + 1, ...c }));
}

// ---------------------------------------------------------------- departments

/** The department tree as WeCom sees it after the calls planned so far. */
class DeptSim {
  private readonly parent = new Map<number, number>();
  private readonly name = new Map<number, string>();
  private readonly kids = new Map<number, Set<number>>();
  private readonly slots = new Map<string, number>();

  constructor(depts: readonly CDept[]) {
    for (const d of depts) this.place(d.id, d.parentid, d.name);
  }
  private static slot(parent: number, name: string): string {
    return `${parent}\u0000${name}`;
  }
  has(id: number): boolean {
    return this.parent.has(id);
  }
  parentOf(id: number): number | undefined {
    return this.parent.get(id);
  }
  nameOf(id: number): string | undefined {
    return this.name.get(id);
  }
  holder(parent: number, name: string): number | undefined {
    return this.slots.get(DeptSim.slot(parent, name));
  }
  place(id: number, parent: number, name: string): void {
    const oldP = this.parent.get(id);
    if (oldP !== undefined) {
      this.kids.get(oldP)?.delete(id);
      const old = DeptSim.slot(oldP, this.name.get(id)!);
      if (this.slots.get(old) === id) this.slots.delete(old);
    }
    this.parent.set(id, parent);
    this.name.set(id, name);
    let k = this.kids.get(parent);
    if (!k) this.kids.set(parent, (k = new Set()));
    k.add(id);
    this.slots.set(DeptSim.slot(parent, name), id);
  }
  depth(id: number): number {
    let n = 0;
    for (let cur: number | undefined = id; cur !== undefined && n < WALK_LIMIT; cur = this.parent.get(cur)) {
      n++;
      if (cur === ROOT_DEPT_ID) break;
    }
    return n;
  }
  /** True when a is a proper ancestor of b. */
  isAncestor(a: number, b: number): boolean {
    let cur = this.parent.get(b);
    for (let n = 0; cur !== undefined && n < WALK_LIMIT; n++) {
      if (cur === a) return true;
      if (cur === ROOT_DEPT_ID) return false;
      cur = this.parent.get(cur);
    }
    return false;
  }
  height(id: number): number {
    let h = 0;
    let level = [id];
    while (level.length > 0 && h < WALK_LIMIT) {
      h++;
      const next: number[] = [];
      for (const d of level) for (const c of this.kids.get(d) ?? []) next.push(c);
      level = next;
    }
    return h;
  }
  /** Why placing id (or a new department when id is absent) under parent with name is invalid now. */
  blocker(id: number, parent: number, name: string): string | null {
    if (!this.has(parent)) return 'parent';
    const moving = this.has(id) && this.parent.get(id) !== parent;
    if (moving && (parent === id || this.isAncestor(id, parent))) return 'cycle';
    const height = this.has(id) ? this.height(id) : 1;
    if ((moving || !this.has(id)) && this.depth(parent) + height > MAX_DEPT_DEPTH) return 'depth';
    const h = this.holder(parent, name);
    if (h !== undefined && h !== id) return 'name';
    return null;
  }
  /** A sibling name no one holds: used to park a department while others move. */
  freeName(parent: number, name: string, id: number): string {
    for (let n = 1; ; n++) {
      const suffix = `~调整中${Math.abs(id)}${n > 1 ? `-${n}` : ''}`;
      const candidate = name.slice(0, 64 - suffix.length) + suffix;
      if (this.holder(parent, candidate) === undefined) return candidate;
    }
  }
}

interface DeptAction {
  id: number;
  create: boolean;
  before: CDept | null;
  final: CDept;
}

function planDepartments(base: CacheSnapshot, wc: WorkingCopy, out: Draft[]): DeptSim {
  const sim = new DeptSim(base.departments);
  const finalDepth = (id: number) => wc.depth(id);
  const creates: DeptAction[] = [];
  const updates: DeptAction[] = [];
  for (const id of wc.touchedKeys('department')) {
    if (wc.isDeleted('department', id)) continue; // update-then-delete = delete only
    const cur = wc.dept(id);
    if (!cur) continue;
    const b = wc.baseDept(id);
    if (!b) creates.push({ id, create: true, before: null, final: cur });
    else if (b.name !== cur.name || b.parentid !== cur.parentid || b.order !== cur.order)
      updates.push({ id, create: false, before: b, final: cur });
  }
  // Parents before children; otherwise the clerk's order.
  creates.sort((a, b) => finalDepth(a.id) - finalDepth(b.id));
  let pending: DeptAction[] = [...creates, ...updates];

  const nameOf = (id: number) =>
    sim.nameOf(id) ?? wc.dept(id, { includeDeleted: true })?.name ?? `部门#${id}`;
  const emit = (a: DeptAction): void => {
    const f = a.final;
    if (a.create) {
      out.push({
        call: { kind: 'dept.create', localId: f.id, name: f.name, parentId: f.parentid, order: f.order },
        entity: 'department',
        key: String(f.id),
        summary: `新建部门「${f.name}」于 ${nameOf(f.parentid)}`,
        before: null,
        after: f,
      });
    } else {
      const call: CallOf<'dept.update'> = { kind: 'dept.update', id: f.id };
      const parts: string[] = [];
      const curName = sim.nameOf(f.id)!;
      if (curName !== f.name) {
        call.name = f.name;
        parts.push(`重命名部门「${curName}」为「${f.name}」`);
      }
      if (sim.parentOf(f.id) !== f.parentid) {
        call.parentId = f.parentid;
        parts.push(`将「${f.name}」移到 ${nameOf(f.parentid)} 之下`);
      }
      if (a.before!.order !== f.order) {
        call.order = f.order;
        if (parts.length === 0) parts.push(`调整「${f.name}」的排序`);
      }
      out.push({
        call,
        entity: 'department',
        key: String(f.id),
        summary: parts.join('；'),
        before: a.before,
        after: f,
      });
    }
    sim.place(f.id, f.parentid, f.name);
  };

  // Greedy: apply whatever is valid now, until everything is placed or nothing can move.
  const runGreedy = () => {
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      const still: DeptAction[] = [];
      for (const a of pending) {
        if (sim.blocker(a.id, a.final.parentid, a.final.name) === null) {
          emit(a);
          progress = true;
        } else still.push(a);
      }
      pending = still;
    }
  };
  // Departments that will be deleted stay where the cache has them until the end (update-then-delete =
  // delete only), still holding their names.
  const toDelete = new Map<number, CDept>();
  for (const id of wc.touchedKeys('department')) {
    const b = wc.baseDept(id);
    if (b && wc.isDeleted('department', id)) toDelete.set(id, b);
  }

  // A name held by a department that is itself about to be renamed, moved or deleted (a name swap):
  // give the holder a temporary name in place — one call — so the other can take it.
  const renamedInPlace = new Set<number>();
  const freeOneName = (): boolean => {
    const movable = new Set(pending.filter((a) => !a.create).map((a) => a.id));
    for (const a of pending) {
      if (sim.blocker(a.id, a.final.parentid, a.final.name) !== 'name') continue;
      const h = sim.holder(a.final.parentid, a.final.name);
      if (h === undefined || renamedInPlace.has(h) || !(movable.has(h) || toDelete.has(h))) continue;
      renamedInPlace.add(h);
      const parent = sim.parentOf(h)!;
      const curName = sim.nameOf(h)!;
      const temp = sim.freeName(parent, curName, h);
      const later = pending.find((x) => x.id === h);
      const before = {
        id: h,
        name: curName,
        parentid: parent,
        order: (later?.before ?? toDelete.get(h))!.order,
      };
      out.push({
        call: { kind: 'dept.update', id: h, name: temp },
        entity: 'department',
        key: String(h),
        summary: later
          ? `临时将部门「${curName}」改名为「${temp}」（交换名称所需，稍后改为「${later.final.name}」）`
          : `临时将待删除的部门「${curName}」改名为「${temp}」（让出名称，稍后删除）`,
        before,
        after: { ...before, name: temp },
      });
      sim.place(h, parent, temp);
      return true;
    }
    return false;
  };

  // Park every remaining moved department directly under the root with a temporary unique name —
  // always valid, since it can only shorten paths — then place everything top-down in final-tree
  // order, which is valid whenever the final tree is. Only for tangles of depth limits and swaps.
  // Departments to delete are parked too: until the end they still count in their ancestors' depth.
  const parkAll = (): void => {
    const park = (id: number, order: number, deleting: boolean) => {
      const curName = sim.nameOf(id)!;
      const temp = sim.freeName(ROOT_DEPT_ID, curName, id);
      const call: CallOf<'dept.update'> = { kind: 'dept.update', id, name: temp };
      if (sim.parentOf(id) !== ROOT_DEPT_ID) call.parentId = ROOT_DEPT_ID;
      const before = { id, name: curName, parentid: sim.parentOf(id), order };
      out.push({
        call,
        entity: 'department',
        key: String(id),
        summary: `临时将「${curName}」移到根部门下并暂名为「${temp}」（调整结构所需，稍后${deleting ? '删除' : '移到目标位置'}）`,
        before,
        after: { ...before, name: temp, parentid: ROOT_DEPT_ID },
      });
      sim.place(id, ROOT_DEPT_ID, temp);
    };
    for (const a of pending) if (!a.create && a.id !== ROOT_DEPT_ID) park(a.id, a.before!.order, false);
    for (const d of toDelete.values()) if (sim.parentOf(d.id) !== ROOT_DEPT_ID) park(d.id, d.order, true);
    pending.sort((a, b) => finalDepth(a.id) - finalDepth(b.id));
  };

  runGreedy();
  let parked = false;
  while (pending.length > 0) {
    if (freeOneName()) runGreedy();
    else if (!parked) {
      parkAll();
      parked = true;
      runGreedy();
    } else break;
  }
  // Only an invalid final state (which validation refuses) gets here: send as is and let WeCom say why.
  for (const a of pending) emit(a);
  return sim;
}

// ---------------------------------------------------------------- tags

function tagDelete(t: CTag): Draft {
  return {
    call: { kind: 'tag.delete', tagid: t.tagid },
    entity: 'tag',
    key: String(t.tagid),
    summary: `删除标签「${t.tagname}」`,
    before: t,
    after: null,
  };
}

/** Tag creates and renames; returns the tag deletes still to plan (some may be pulled forward). */
function planTagNames(base: CacheSnapshot, wc: WorkingCopy, out: Draft[]): Map<number, CTag> {
  const holder = new Map<string, number>();
  for (const t of base.tags) holder.set(t.tagname, t.tagid);
  const deletes = new Map<number, CTag>();
  let pending: Array<{ id: number; before: CTag | null; final: CTag }> = [];
  for (const id of wc.touchedKeys('tag')) {
    const b = wc.baseTag(id);
    if (wc.isDeleted('tag', id)) {
      if (b) deletes.set(id, b);
      continue;
    }
    const cur = wc.tag(id);
    if (!cur) continue;
    if (!b || b.tagname !== cur.tagname) pending.push({ id, before: b, final: cur });
  }
  const nameNow = new Map<number, string>();
  for (const p of pending) if (p.before) nameNow.set(p.id, p.before.tagname);

  const rename = (id: number, from: string, to: string, before: unknown, after: unknown, summary: string) => {
    out.push({
      call: { kind: 'tag.update', tagid: id, name: to },
      entity: 'tag',
      key: String(id),
      summary,
      before,
      after,
    });
    if (holder.get(from) === id) holder.delete(from);
    holder.set(to, id);
    nameNow.set(id, to);
  };
  const emit = (p: (typeof pending)[number]) => {
    const f = p.final;
    if (!p.before) {
      out.push({
        call: { kind: 'tag.create', localId: f.tagid, name: f.tagname },
        entity: 'tag',
        key: String(f.tagid),
        summary: `新建标签「${f.tagname}」`,
        before: null,
        after: { tagid: f.tagid, tagname: f.tagname },
      });
      holder.set(f.tagname, f.tagid);
    } else {
      const from = nameNow.get(p.id)!;
      rename(
        p.id,
        from,
        f.tagname,
        { tagid: p.id, tagname: from },
        { tagid: p.id, tagname: f.tagname },
        `重命名标签「${from}」为「${f.tagname}」`,
      );
    }
  };
  const free = (p: (typeof pending)[number]) => {
    const h = holder.get(p.final.tagname);
    return h === undefined || h === p.id;
  };
  const greedy = () => {
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      pending = pending.filter((p) => {
        if (!free(p)) return true;
        emit(p);
        progress = true;
        return false;
      });
    }
  };
  greedy();
  if (pending.length > 0) {
    // A name still held by a tag being deleted: delete that tag first (tag deletes have no prerequisites).
    for (const p of pending) {
      const h = holder.get(p.final.tagname);
      const d = h === undefined ? undefined : deletes.get(h);
      if (d) {
        out.push(tagDelete(d));
        deletes.delete(d.tagid);
        holder.delete(d.tagname);
      }
    }
    greedy();
  }
  if (pending.length > 0) {
    // Renames in a cycle (A↔B): give the renamed ones temporary names, then the final ones.
    for (const p of pending) {
      if (!p.before) continue;
      const from = nameNow.get(p.id)!;
      let temp = '';
      for (let n = 1; temp === '' || holder.has(temp); n++)
        temp = `${from.slice(0, 20)}~调整中${Math.abs(p.id)}${n > 1 ? `-${n}` : ''}`;
      rename(
        p.id,
        from,
        temp,
        { tagid: p.id, tagname: from },
        { tagid: p.id, tagname: temp },
        `临时将标签「${from}」改名为「${temp}」（交换名称所需）`,
      );
    }
    greedy();
    for (const p of pending) emit(p);
  }
  return deletes;
}

function planTagMembership(wc: WorkingCopy, out: Draft[]): void {
  for (const id of wc.touchedKeys('tag')) {
    if (wc.isDeleted('tag', id)) continue;
    const t = wc.tag(id);
    if (!t) continue;
    const b = wc.baseTag(id);
    // Deleted members/departments leave tags by themselves in WeCom; removing them first is redundant.
    const gone = (u: string) => wc.isDeleted('member', u);
    const goneD = (d: number) => wc.isDeleted('department', d) || !wc.dept(d, { includeDeleted: true });
    const was = new Set((b?.userids ?? []).map(uidKey));
    const now = new Set(t.userids.map(uidKey));
    const addU = t.userids.filter((u) => !was.has(uidKey(u)) && !gone(u));
    const delU = (b?.userids ?? []).filter((u) => !now.has(uidKey(u)) && !gone(u));
    const baseD = new Set(b?.departmentIds ?? []);
    const nowD = new Set(t.departmentIds);
    const addD = t.departmentIds.filter((d) => !baseD.has(d) && !goneD(d));
    const delD = (b?.departmentIds ?? []).filter((d) => !nowD.has(d) && !goneD(d));
    pushChunks(out, 'tag.removeMembers', t, delU, delD);
    pushChunks(out, 'tag.addMembers', t, addU, addD);
  }
}

function pushChunks(
  out: Draft[],
  kind: 'tag.addMembers' | 'tag.removeMembers',
  t: CTag,
  users: string[],
  parties: number[],
): void {
  const n = Math.max(
    Math.ceil(users.length / TAG_USERS_PER_CALL),
    Math.ceil(parties.length / TAG_PARTIES_PER_CALL),
  );
  for (let i = 0; i < n; i++) {
    const userlist = users.slice(i * TAG_USERS_PER_CALL, (i + 1) * TAG_USERS_PER_CALL);
    const partylist = parties.slice(i * TAG_PARTIES_PER_CALL, (i + 1) * TAG_PARTIES_PER_CALL);
    const what = [
      userlist.length > 0 ? `${userlist.length} 人` : '',
      partylist.length > 0 ? `${partylist.length} 个部门` : '',
    ]
      .filter(Boolean)
      .join('、');
    const batch = n > 1 ? `（第 ${i + 1}/${n} 批）` : '';
    const links = { tagid: t.tagid, tagname: t.tagname, userlist, partylist };
    out.push({
      call: { kind, tagid: t.tagid, userids: userlist, departmentIds: partylist },
      entity: 'tag',
      key: String(t.tagid),
      summary:
        kind === 'tag.addMembers'
          ? `给标签「${t.tagname}」添加 ${what}${batch}`
          : `从标签「${t.tagname}」移除 ${what}${batch}`,
      // The links this call adds or removes are the audited "entity".
      before: kind === 'tag.removeMembers' ? links : null,
      after: kind === 'tag.addMembers' ? links : null,
    });
  }
}

// ---------------------------------------------------------------- members

const SCALARS: Array<[keyof CMember & keyof MemberCallFields, string]> = [
  ['name', '姓名'],
  ['alias', '别名'],
  ['mobile', '手机'],
  ['email', '邮箱'],
  ['telephone', '座机'],
  ['position', '职务'],
  ['gender', '性别'],
];

/** A member's whole writable state, as a create call carries it. */
function callFields(m: CMember): MemberCallFields {
  return {
    name: m.name,
    alias: m.alias,
    mobile: m.mobile,
    email: m.email,
    telephone: m.telephone,
    position: m.position,
    gender: m.gender,
    enable: m.enable,
    departments: m.departments.map((l) => ({ ...l })),
    mainDepartment: m.mainDepartment,
    directLeader: [...m.directLeader],
  };
}

function planMembers(wc: WorkingCopy, out: Draft[]): void {
  const created = new Map<string, CMember>();
  const updated: Array<{ before: CMember; final: CMember }> = [];
  for (const k of wc.touchedKeys('member')) {
    if (wc.isDeleted('member', k)) continue; // update-then-delete = delete only
    const cur = wc.member(k);
    if (!cur) continue; // create-then-delete = nothing
    const b = wc.baseMember(k);
    if (!b) created.set(k, cur);
    else updated.push({ before: b, final: cur });
  }

  // A new member's direct leader may be another new member: create leaders first; a leader cycle among
  // new members is broken by setting direct_leader in a follow-up update.
  const actions: Array<{ k: string; ids: string[]; before: string[]; needs: string[]; draft: Draft }> = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const deferred: CMember[] = [];
  const visit = (k: string) => {
    if (done.has(k)) return;
    const m = created.get(k)!;
    visiting.add(k);
    let defer = false;
    for (const l of m.directLeader) {
      const lk = uidKey(l);
      if (!created.has(lk) || done.has(lk)) continue;
      if (visiting.has(lk)) defer = true;
      else visit(lk);
    }
    visiting.delete(k);
    if (done.has(k)) return;
    done.add(k);
    const fields = callFields(m);
    if (defer) fields.directLeader = [];
    if (defer) deferred.push(m);
    const needs = defer ? [] : m.directLeader.map(uidKey).filter((l) => created.has(l));
    actions.push({
      k,
      ids: idsOf(m),
      before: [],
      needs,
      draft: {
        call: { kind: 'member.create', userid: m.userid, fields },
        entity: 'member',
        key: m.userid,
        summary: `新建成员 ${m.name}（${m.userid}）`,
        before: null,
        after: m,
      },
    });
  };
  for (const k of created.keys()) visit(k);
  const followUps: Draft[] = [];
  for (const m of deferred)
    followUps.push({
      call: { kind: 'member.update', userid: m.userid, fields: { directLeader: m.directLeader } },
      entity: 'member',
      key: m.userid,
      summary: `设置 ${m.name} 的直属上级`,
      before: { ...m, directLeader: [] },
      after: m,
    });

  for (const { before: b, final: f } of updated) {
    const fields: Partial<MemberCallFields> = {};
    const parts: string[] = [];
    if (b.enable !== f.enable) {
      fields.enable = f.enable;
      parts.push(`${f.enable ? '启用' : '停用'} ${f.name}`);
    }
    const labels: string[] = [];
    for (const [field, label] of SCALARS)
      if (b[field] !== f[field]) {
        (fields as Record<string, unknown>)[field] = f[field];
        labels.push(label);
      }
    if (!sameSet(b.directLeader, f.directLeader, uidKey)) {
      fields.directLeader = f.directLeader;
      labels.push('直属上级');
    }
    if (!sameLinks(b.departments, f.departments)) {
      // department, order and is_leader_in_dept are positional lists: WeCom needs them together.
      fields.departments = f.departments;
      fields.mainDepartment = f.mainDepartment;
      parts.push(describeDeptChange(wc, f.name, b.departments, f.departments) ?? `调整 ${f.name} 的部门`);
    } else if (b.mainDepartment !== f.mainDepartment) {
      fields.mainDepartment = f.mainDepartment;
      labels.push('主部门');
    }
    if (labels.length > 0) parts.push(`修改 ${f.name} 的${labels.join('、')}`);
    if (Object.keys(fields).length === 0) continue; // updates that cancel out
    actions.push({
      k: uidKey(f.userid),
      ids: idsOf(f),
      before: idsOf(b),
      needs: f.directLeader.map(uidKey).filter((l) => created.has(l)),
      draft: {
        call: { kind: 'member.update', userid: f.userid, fields },
        entity: 'member',
        key: f.userid,
        summary: parts.join('；'),
        before: b,
        after: f,
      },
    });
  }

  // Mobiles and emails are unique in WeCom: a member taking over another's old mobile must wait until
  // that one has changed. Untouched members cannot clash (validation saw them), so only touched count.
  const holder = new Map<string, string>();
  for (const a of actions) for (const id of a.before) holder.set(id, a.k);
  const createdDone = new Set<string>();
  let pending = actions;
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    pending = pending.filter((a) => {
      const blocked =
        a.ids.some((id) => {
          const h = holder.get(id);
          return h !== undefined && h !== a.k;
        }) || a.needs.some((l) => !createdDone.has(l));
      if (blocked) return true;
      out.push(a.draft);
      for (const id of a.before) if (holder.get(id) === a.k) holder.delete(id);
      for (const id of a.ids) holder.set(id, a.k);
      if (a.draft.call.kind === 'member.create') createdDone.add(a.k);
      progress = true;
      return false;
    });
  }
  // A swap of mobiles between two members cannot be ordered; WeCom will say which one clashes.
  for (const a of pending) out.push(a.draft);
  out.push(...followUps);
}

function idsOf(m: CMember): string[] {
  const ids: string[] = [];
  if (m.mobile.trim() !== '') ids.push(`m:${mobileKey(m.mobile.trim())}`);
  if (m.email.trim() !== '') ids.push(`e:${emailKey(m.email)}`);
  return ids;
}
