import type { ChangeOp } from '../../../contract/org-edit';
import { TOP_GROUPS } from '../../../contract/org';
import {
  ROOT_DEPT_ID,
  emailKey,
  mobileKey,
  sameDept,
  sameMember,
  sameTag,
  uidKey,
  type CDept,
  type CMember,
  type CTag,
  type CacheSnapshot,
  type EntityKind,
  type Pending,
} from './types';

/**
 * The 通讯录 as it will be once the staged ops are pushed: the cache snapshot with ops applied on top,
 * indexed for the lookups the editor, validation, rules and planning need.
 *
 * Entities are replaced, never mutated, so building shares objects with the snapshot (cheap for 50,000
 * members) and the snapshot stays intact. Deleted entities stay in the maps with a deleted mark so the
 * UI can show them struck through; entities created and then deleted locally vanish entirely.
 */

export interface ViewOpts {
  includeDeleted?: boolean;
}

/** Multi-valued index whose buckets are tiny (a mobile or a name rarely maps to more than a few keys). */
class MultiIndex<K, V> {
  private readonly m = new Map<K, V[]>();
  add(k: K, v: V): void {
    const b = this.m.get(k);
    if (b) b.push(v);
    else this.m.set(k, [v]);
  }
  remove(k: K, v: V): void {
    const b = this.m.get(k);
    if (!b) return;
    const i = b.indexOf(v);
    if (i >= 0) b.splice(i, 1);
    if (b.length === 0) this.m.delete(k);
  }
  get(k: K): readonly V[] {
    return this.m.get(k) ?? [];
  }
}

/** One entity kind: current values, deleted marks, and the base value of every key ever touched. */
class Store<K, V> {
  readonly cur = new Map<K, V>();
  readonly deleted = new Set<K>();
  /** Base value (null = did not exist) captured at first touch: untouched keys still equal the base. */
  readonly touched = new Map<K, V | null>();
  constructor(
    private readonly onAdd: (v: V) => void,
    private readonly onRemove: (v: V) => void,
  ) {}
  setRaw(key: K, next: V | undefined, deleted: boolean): void {
    const prev = this.cur.get(key);
    if (prev !== undefined) this.onRemove(prev);
    if (next === undefined) this.cur.delete(key);
    else {
      this.cur.set(key, next);
      this.onAdd(next);
    }
    if (deleted) this.deleted.add(key);
    else this.deleted.delete(key);
  }
  base(key: K): V | null {
    return this.touched.has(key) ? (this.touched.get(key) ?? null) : (this.cur.get(key) ?? null);
  }
}

/** Guards tree walks against a corrupt (cyclic) cache; WeCom's depth limit is 15. */
const WALK_LIMIT = 64;

export class WorkingCopy {
  private readonly childIds = new Map<number, Set<number>>();
  private readonly sortedChildren = new Map<number, CDept[]>();
  private readonly membersByDept = new Map<number, Set<string>>();
  private readonly byMobile = new MultiIndex<string, string>();
  private readonly byEmail = new MultiIndex<string, string>();
  private readonly byName = new MultiIndex<string, string>();
  private readonly tagNameIdx = new MultiIndex<string, number>();

  private readonly depts = new Store<number, CDept>(
    (d) => this.linkChild(d),
    (d) => this.unlinkChild(d),
  );
  private readonly mems = new Store<string, CMember>(
    (m) => this.indexMember(m, true),
    (m) => this.indexMember(m, false),
  );
  private readonly tagStore = new Store<number, CTag>(
    (t) => this.tagNameIdx.add(t.tagname, t.tagid),
    (t) => this.tagNameIdx.remove(t.tagname, t.tagid),
  );

  /** Undo log while inside withScratch(); null otherwise so normal applies cost nothing extra. */
  private journal: Array<() => void> | null = null;

  /** Indexes (in the ops given to build) of ops that could not be applied, e.g. after a remote delete. */
  readonly skipped: number[] = [];

  private constructor() {}

  static build(base: CacheSnapshot, ops: readonly ChangeOp[] = []): WorkingCopy {
    const wc = new WorkingCopy();
    for (const d of base.departments) wc.depts.setRaw(d.id, d, false);
    for (const m of base.members) wc.mems.setRaw(uidKey(m.userid), m, false);
    for (const t of base.tags) wc.tagStore.setRaw(t.tagid, t, false);
    ops.forEach((op, i) => {
      if (!wc.apply(op)) wc.skipped.push(i);
    });
    return wc;
  }

  // ---------------------------------------------------------------- index maintenance

  private linkChild(d: CDept): void {
    let s = this.childIds.get(d.parentid);
    if (!s) this.childIds.set(d.parentid, (s = new Set()));
    s.add(d.id);
    this.sortedChildren.delete(d.parentid);
  }

  private unlinkChild(d: CDept): void {
    this.childIds.get(d.parentid)?.delete(d.id);
    this.sortedChildren.delete(d.parentid);
  }

  private indexMember(m: CMember, add: boolean): void {
    const k = uidKey(m.userid);
    for (const l of m.departments) {
      let s = this.membersByDept.get(l.departmentId);
      if (add) {
        if (!s) this.membersByDept.set(l.departmentId, (s = new Set()));
        s.add(k);
      } else s?.delete(k);
    }
    const op = add ? 'add' : 'remove';
    if (m.mobile) this.byMobile[op](mobileKey(m.mobile), k);
    if (m.email) this.byEmail[op](emailKey(m.email), k);
    this.byName[op](m.name, k);
  }

  // ---------------------------------------------------------------- mutation

  private put<K, V>(store: Store<K, V>, key: K, next: V | undefined, deleted: boolean): void {
    const prev = store.cur.get(key);
    const prevDeleted = store.deleted.has(key);
    const hadTouch = store.touched.has(key);
    if (!hadTouch) store.touched.set(key, prev ?? null);
    if (this.journal)
      this.journal.push(() => {
        store.setRaw(key, prev, prevDeleted);
        if (!hadTouch) store.touched.delete(key);
      });
    store.setRaw(key, next, deleted);
  }

  /**
   * Runs fn against this copy and rolls every apply() back afterwards: validation and rule evaluation
   * need "the state after the previous ops" without cloning 50,000 members.
   */
  withScratch<T>(fn: (wc: WorkingCopy) => T): T {
    const outer = this.journal;
    const journal: Array<() => void> = [];
    this.journal = journal;
    try {
      return fn(this);
    } finally {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
      this.journal = outer;
    }
  }

  /**
   * Applies one op (already validated). Lenient on purpose: an op that no longer fits (its entity was
   * deleted in WeCom since it was staged) is skipped and reported as false instead of throwing, so the
   * editor still opens and the conflict view can explain.
   */
  apply(op: ChangeOp): boolean {
    switch (op.type) {
      case 'dept.create': {
        if (this.depts.cur.has(op.id)) return false;
        this.put(
          this.depts,
          op.id,
          { id: op.id, name: op.name, parentid: op.parentid, order: op.order },
          false,
        );
        return true;
      }
      case 'dept.update': {
        const d = this.dept(op.id);
        if (!d) return false;
        const next: CDept = {
          id: d.id,
          name: op.name ?? d.name,
          parentid: op.parentid ?? d.parentid,
          order: op.order ?? d.order,
        };
        this.put(this.depts, op.id, next, false);
        return true;
      }
      case 'dept.delete': {
        const d = this.dept(op.id);
        if (!d) return false;
        if (this.depts.base(op.id) === null) {
          this.put(this.depts, op.id, undefined, false);
          this.forgetInTags(null, op.id);
        } else this.put(this.depts, op.id, d, true);
        return true;
      }
      case 'member.create': {
        const k = uidKey(op.userid);
        if (this.mems.cur.has(k)) return false;
        const f = op.fields;
        const m: CMember = {
          userid: op.userid,
          name: f.name,
          alias: f.alias,
          mobile: f.mobile,
          email: f.email,
          telephone: f.telephone,
          position: f.position,
          gender: f.gender,
          status: f.enable ? 4 : 2,
          enable: f.enable,
          mainDepartment: f.mainDepartment,
          departments: f.departments.map((l) => ({ ...l })),
          directLeader: [...f.directLeader],
        };
        this.put(this.mems, k, m, false);
        return true;
      }
      case 'member.update': {
        const k = uidKey(op.userid);
        const m = this.member(op.userid);
        if (!m) return false;
        const next: CMember = { ...m };
        const f = op.fields;
        if (f.name !== undefined) next.name = f.name;
        if (f.alias !== undefined) next.alias = f.alias;
        if (f.mobile !== undefined) next.mobile = f.mobile;
        if (f.email !== undefined) next.email = f.email;
        if (f.telephone !== undefined) next.telephone = f.telephone;
        if (f.position !== undefined) next.position = f.position;
        if (f.gender !== undefined) next.gender = f.gender;
        if (f.departments !== undefined) next.departments = f.departments.map((l) => ({ ...l }));
        if (f.mainDepartment !== undefined) next.mainDepartment = f.mainDepartment;
        if (f.directLeader !== undefined) next.directLeader = [...f.directLeader];
        if (f.enable !== undefined && f.enable !== m.enable) {
          next.enable = f.enable;
          // WeCom reports a disabled member as status 2; re-enabling restores what the cache knew.
          const baseStatus = this.mems.base(k)?.status;
          next.status = f.enable ? (baseStatus !== undefined && baseStatus !== 2 ? baseStatus : 1) : 2;
        }
        this.put(this.mems, k, next, false);
        return true;
      }
      case 'member.delete': {
        const k = uidKey(op.userid);
        const m = this.member(op.userid);
        if (!m) return false;
        if (this.mems.base(k) === null) {
          this.put(this.mems, k, undefined, false);
          this.forgetInTags(k, null);
        } else this.put(this.mems, k, m, true);
        return true;
      }
      case 'tag.create': {
        if (this.tagStore.cur.has(op.tagid)) return false;
        this.put(
          this.tagStore,
          op.tagid,
          { tagid: op.tagid, tagname: op.tagname, userids: [], departmentIds: [] },
          false,
        );
        return true;
      }
      case 'tag.update': {
        const t = this.tag(op.tagid);
        if (!t) return false;
        this.put(this.tagStore, op.tagid, { ...t, tagname: op.tagname }, false);
        return true;
      }
      case 'tag.delete': {
        const t = this.tag(op.tagid);
        if (!t) return false;
        if (this.tagStore.base(op.tagid) === null) this.put(this.tagStore, op.tagid, undefined, false);
        else this.put(this.tagStore, op.tagid, t, true);
        return true;
      }
      case 'tag.addMembers': {
        const t = this.tag(op.tagid);
        if (!t) return false;
        const have = new Set(t.userids.map(uidKey));
        const userids = [...t.userids];
        for (const u of op.userids) {
          if (have.has(uidKey(u))) continue;
          have.add(uidKey(u));
          userids.push(u);
        }
        const depts = new Set(t.departmentIds);
        const departmentIds = [...t.departmentIds];
        for (const d of op.departmentIds) {
          if (depts.has(d)) continue;
          depts.add(d);
          departmentIds.push(d);
        }
        this.put(this.tagStore, op.tagid, { ...t, userids, departmentIds }, false);
        return true;
      }
      case 'tag.removeMembers': {
        const t = this.tag(op.tagid);
        if (!t) return false;
        const drop = new Set(op.userids.map(uidKey));
        const dropD = new Set(op.departmentIds);
        this.put(
          this.tagStore,
          op.tagid,
          {
            ...t,
            userids: t.userids.filter((u) => !drop.has(uidKey(u))),
            departmentIds: t.departmentIds.filter((d) => !dropD.has(d)),
          },
          false,
        );
        return true;
      }
    }
  }

  /** A local creation that is cancelled must not leave dangling references in tags. */
  private forgetInTags(userKey: string | null, deptId: number | null): void {
    for (const t of this.tagStore.cur.values()) {
      const hitU = userKey !== null && t.userids.some((u) => uidKey(u) === userKey);
      const hitD = deptId !== null && t.departmentIds.includes(deptId);
      if (!hitU && !hitD) continue;
      this.put(
        this.tagStore,
        t.tagid,
        {
          ...t,
          userids: hitU ? t.userids.filter((u) => uidKey(u) !== userKey) : t.userids,
          departmentIds: hitD ? t.departmentIds.filter((d) => d !== deptId) : t.departmentIds,
        },
        this.tagStore.deleted.has(t.tagid),
      );
    }
  }

  // ---------------------------------------------------------------- departments

  dept(id: number, opts?: ViewOpts): CDept | undefined {
    if (!opts?.includeDeleted && this.depts.deleted.has(id)) return undefined;
    return this.depts.cur.get(id);
  }

  /** Children sorted as WeCom shows them: larger order first, then id. */
  children(id: number, opts?: ViewOpts): CDept[] {
    let all = this.sortedChildren.get(id);
    if (!all) {
      all = [];
      for (const cid of this.childIds.get(id) ?? []) {
        const c = this.depts.cur.get(cid);
        if (c) all.push(c);
      }
      all.sort((a, b) => b.order - a.order || a.id - b.id);
      this.sortedChildren.set(id, all);
    }
    return opts?.includeDeleted ? [...all] : all.filter((c) => !this.depts.deleted.has(c.id));
  }

  /** Number of (non-deleted) sub-departments, without sorting. */
  childCount(id: number): number {
    let n = 0;
    for (const cid of this.childIds.get(id) ?? []) if (!this.depts.deleted.has(cid)) n++;
    return n;
  }

  departments(opts?: ViewOpts): CDept[] {
    const out: CDept[] = [];
    for (const [id, d] of this.depts.cur)
      if (opts?.includeDeleted || !this.depts.deleted.has(id)) out.push(d);
    return out;
  }

  /** Root = 1. A department whose parent chain is broken counts the levels it has. */
  depth(id: number): number {
    let n = 0;
    let cur = this.depts.cur.get(id);
    while (cur && n < WALK_LIMIT) {
      n++;
      if (cur.id === ROOT_DEPT_ID) break;
      cur = this.depts.cur.get(cur.parentid);
    }
    return n;
  }

  /** Levels of the subtree rooted at id, the department itself counting 1. */
  subtreeHeight(id: number): number {
    let h = 0;
    let level = [id];
    while (level.length > 0 && h < WALK_LIMIT) {
      h++;
      const next: number[] = [];
      for (const d of level)
        for (const c of this.childIds.get(d) ?? []) if (!this.depts.deleted.has(c)) next.push(c);
      level = next;
    }
    return h;
  }

  /** Every department of the subtree (including id), non-deleted, breadth first. */
  subtree(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++)
      for (const c of this.childIds.get(out[i]!) ?? []) if (!this.depts.deleted.has(c)) out.push(c);
    return out;
  }

  /** Names from the root down, e.g. 新区医院/临床科室/心血管内科. */
  path(id: number): string {
    const names: string[] = [];
    let cur = this.depts.cur.get(id);
    while (cur && names.length < WALK_LIMIT) {
      names.push(cur.name);
      if (cur.id === ROOT_DEPT_ID) break;
      cur = this.depts.cur.get(cur.parentid);
    }
    if (names.length === 0) return `部门#${id}`;
    return names.reverse().join('/');
  }

  /** True when a is a proper ancestor of b (a !== b). */
  isAncestor(a: number, b: number): boolean {
    let cur = this.depts.cur.get(b);
    for (let n = 0; cur && n < WALK_LIMIT; n++) {
      if (cur.id === ROOT_DEPT_ID) return false;
      if (cur.parentid === a) return true;
      cur = this.depts.cur.get(cur.parentid);
    }
    return false;
  }

  /** 0..5 for the six fixed top groups (children of the root with the fixed names), null otherwise. */
  pinnedRank(id: number): number | null {
    const d = this.depts.cur.get(id);
    if (!d || d.parentid !== ROOT_DEPT_ID) return null;
    const i = (TOP_GROUPS as readonly string[]).indexOf(d.name);
    return i >= 0 ? i : null;
  }

  // ---------------------------------------------------------------- members

  member(userid: string, opts?: ViewOpts): CMember | undefined {
    const k = uidKey(userid);
    if (!opts?.includeDeleted && this.mems.deleted.has(k)) return undefined;
    return this.mems.cur.get(k);
  }

  /** Direct members of a department, sorted by their order there (larger first), then userid. */
  membersOf(deptId: number, opts?: ViewOpts): CMember[] {
    const out: Array<[number, CMember]> = [];
    for (const k of this.membersByDept.get(deptId) ?? []) {
      if (!opts?.includeDeleted && this.mems.deleted.has(k)) continue;
      const m = this.mems.cur.get(k);
      if (!m) continue;
      const link = m.departments.find((l) => l.departmentId === deptId);
      out.push([link?.order ?? 0, m]);
    }
    out.sort((a, b) => b[0] - a[0] || (a[1].userid < b[1].userid ? -1 : a[1].userid > b[1].userid ? 1 : 0));
    return out.map((x) => x[1]);
  }

  /** Count of direct non-deleted members, without sorting. */
  memberCount(deptId: number): number {
    let n = 0;
    for (const k of this.membersByDept.get(deptId) ?? []) if (!this.mems.deleted.has(k)) n++;
    return n;
  }

  members(opts?: ViewOpts): CMember[] {
    const out: CMember[] = [];
    for (const [k, m] of this.mems.cur) if (opts?.includeDeleted || !this.mems.deleted.has(k)) out.push(m);
    return out;
  }

  membersByMobile(mobile: string, opts?: ViewOpts): CMember[] {
    return this.lookup(this.byMobile.get(mobileKey(mobile)), opts);
  }

  membersByEmail(email: string, opts?: ViewOpts): CMember[] {
    return this.lookup(this.byEmail.get(emailKey(email)), opts);
  }

  membersByName(name: string, opts?: ViewOpts): CMember[] {
    return this.lookup(this.byName.get(name), opts);
  }

  private lookup(keys: readonly string[], opts?: ViewOpts): CMember[] {
    const out: CMember[] = [];
    for (const k of keys) {
      if (!opts?.includeDeleted && this.mems.deleted.has(k)) continue;
      const m = this.mems.cur.get(k);
      if (m) out.push(m);
    }
    return out;
  }

  // ---------------------------------------------------------------- tags

  tag(tagid: number, opts?: ViewOpts): CTag | undefined {
    if (!opts?.includeDeleted && this.tagStore.deleted.has(tagid)) return undefined;
    return this.tagStore.cur.get(tagid);
  }

  tagsByName(name: string, opts?: ViewOpts): CTag[] {
    const out: CTag[] = [];
    for (const id of this.tagNameIdx.get(name)) {
      const t = this.tag(id, opts);
      if (t) out.push(t);
    }
    return out;
  }

  tags(opts?: ViewOpts): CTag[] {
    const out: CTag[] = [];
    for (const [id, t] of this.tagStore.cur)
      if (opts?.includeDeleted || !this.tagStore.deleted.has(id)) out.push(t);
    return out;
  }

  // ---------------------------------------------------------------- pending state vs the base

  baseDept(id: number): CDept | null {
    return this.depts.base(id);
  }
  baseMember(userid: string): CMember | null {
    return this.mems.base(uidKey(userid));
  }
  baseTag(tagid: number): CTag | null {
    return this.tagStore.base(tagid);
  }

  isDeleted(kind: EntityKind, key: number | string): boolean {
    if (kind === 'department') return this.depts.deleted.has(Number(key));
    if (kind === 'member') return this.mems.deleted.has(uidKey(String(key)));
    return this.tagStore.deleted.has(Number(key));
  }

  /** Keys an op has touched (department/tag ids as numbers, members as lower-cased userids). */
  touchedKeys(kind: 'department' | 'tag'): number[];
  touchedKeys(kind: 'member'): string[];
  touchedKeys(kind: EntityKind): Array<number | string> {
    if (kind === 'department') return [...this.depts.touched.keys()];
    if (kind === 'member') return [...this.mems.touched.keys()];
    return [...this.tagStore.touched.keys()];
  }

  /** How the entity differs from the cache: what the tree shows as a pending badge. */
  pendingOf(kind: EntityKind, key: number | string): Pending {
    if (kind === 'department') return pendingIn(this.depts, Number(key), sameDept);
    if (kind === 'member') return pendingIn(this.mems, uidKey(String(key)), sameMember);
    return pendingIn(this.tagStore, Number(key), sameTag);
  }
}

function pendingIn<K, V>(s: Store<K, V>, key: K, same: (a: V, b: V) => boolean): Pending {
  if (!s.touched.has(key)) return null;
  if (s.deleted.has(key)) return 'deleted';
  const cur = s.cur.get(key);
  const base = s.touched.get(key) ?? null;
  if (cur === undefined) return null;
  if (base === null) return 'created';
  return same(base, cur) ? null : 'updated';
}
