import type { ChangeOp } from '../../../../contract/org-edit';
import { DeptIndex } from '../../../../domain/dept-index';
import { sameMember } from '../../../../domain/member-fields';
import {
  emailKey,
  mobileKey,
  sameDept,
  sameTag,
  topGroupRank,
  uidKey,
  type CDept,
  type CMember,
  type CTag,
  type CacheSnapshot,
  type EntityKind,
  type Pending,
} from '../../../../domain/org-cache';
import { applyOp } from './apply';
import { MultiIndex, Store, Stores, pendingIn } from './store';

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

export class WorkingCopy {
  /** Every department in the maps, deleted ones too: they still count in their descendants' depth. */
  private readonly tree = new DeptIndex([], (id) => this.s.depts.deleted.has(id));
  private readonly sortedChildren = new Map<number, CDept[]>();
  private readonly membersByDept = new Map<number, Set<string>>();
  private readonly byMobile = new MultiIndex<string, string>();
  private readonly byEmail = new MultiIndex<string, string>();
  private readonly byName = new MultiIndex<string, string>();
  private readonly tagNameIdx = new MultiIndex<string, number>();

  private readonly s = new Stores({
    dept: {
      onAdd: (d) => this.linkChild(d, true),
      onRemove: (d) => this.linkChild(d, false),
    },
    member: { onAdd: (m) => this.indexMember(m, true), onRemove: (m) => this.indexMember(m, false) },
    tag: {
      onAdd: (t) => this.tagNameIdx.add(t.tagname, t.tagid),
      onRemove: (t) => this.tagNameIdx.remove(t.tagname, t.tagid),
    },
  });

  /** Indexes (in the ops given to build) of ops that could not be applied, e.g. after a remote delete. */
  readonly skipped: number[] = [];

  private constructor() {}

  static build(base: CacheSnapshot, ops: readonly ChangeOp[] = []): WorkingCopy {
    const wc = new WorkingCopy();
    for (const d of base.departments) wc.s.depts.setRaw(d.id, d, false);
    for (const m of base.members) wc.s.mems.setRaw(uidKey(m.userid), m, false);
    for (const t of base.tags) wc.s.tags.setRaw(t.tagid, t, false);
    ops.forEach((op, i) => {
      if (!wc.apply(op)) wc.skipped.push(i);
    });
    return wc;
  }

  // ---------------------------------------------------------------- index maintenance

  private linkChild(d: CDept, add: boolean): void {
    if (add) this.tree.set(d.id, d.parentid);
    else this.tree.remove(d.id);
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

  /**
   * Runs fn against this copy and rolls every apply() back afterwards: validation and rule evaluation
   * need "the state after the previous ops" without cloning 50,000 members.
   */
  withScratch<T>(fn: (wc: WorkingCopy) => T): T {
    const outer = this.s.journal;
    const journal: Array<() => void> = [];
    this.s.journal = journal;
    try {
      return fn(this);
    } finally {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
      this.s.journal = outer;
    }
  }

  /** Applies one op (already validated); false when it no longer fits (see applyOp). */
  apply(op: ChangeOp): boolean {
    return applyOp(this.s, op);
  }

  // ---------------------------------------------------------------- departments

  dept(id: number, opts?: ViewOpts): CDept | undefined {
    return opts?.includeDeleted ? this.s.depts.cur.get(id) : this.s.depts.live(id);
  }

  /** Children sorted as WeCom shows them: larger order first, then id. */
  children(id: number, opts?: ViewOpts): CDept[] {
    let all = this.sortedChildren.get(id);
    if (!all) {
      all = [];
      for (const cid of this.tree.childIds(id)) {
        const c = this.s.depts.cur.get(cid);
        if (c) all.push(c);
      }
      all.sort((a, b) => b.order - a.order || a.id - b.id);
      this.sortedChildren.set(id, all);
    }
    return opts?.includeDeleted ? [...all] : all.filter((c) => !this.s.depts.deleted.has(c.id));
  }

  /** Number of (non-deleted) sub-departments, without sorting. */
  childCount(id: number): number {
    return this.tree.childCount(id);
  }

  departments(opts?: ViewOpts): CDept[] {
    return valuesOf(this.s.depts, opts);
  }

  /** Root = 1 (DeptIndex.depth). */
  depth(id: number): number {
    return this.tree.depth(id);
  }

  /** Levels of the non-deleted subtree rooted at id, the department itself counting 1. */
  subtreeHeight(id: number): number {
    return this.tree.height(id);
  }

  /** Every department of the subtree (including id), non-deleted, breadth first. */
  subtree(id: number): number[] {
    return this.tree.subtree(id);
  }

  /** Names from the root down, e.g. 新区医院/临床科室/心血管内科. */
  path(id: number): string {
    const chain = this.tree.chain(id);
    if (chain.length === 0) return `部门#${id}`;
    return chain
      .reverse()
      .map((d) => this.s.depts.cur.get(d)!.name)
      .join('/');
  }

  /** True when a is a proper ancestor of b (a !== b). */
  isAncestor(a: number, b: number): boolean {
    return this.tree.isAncestor(a, b);
  }

  /** 0..5 for the six fixed top groups (children of the root with the fixed names), null otherwise. */
  pinnedRank(id: number): number | null {
    const d = this.s.depts.cur.get(id);
    return d ? topGroupRank(d) : null;
  }

  // ---------------------------------------------------------------- members

  member(userid: string, opts?: ViewOpts): CMember | undefined {
    const k = uidKey(userid);
    return opts?.includeDeleted ? this.s.mems.cur.get(k) : this.s.mems.live(k);
  }

  /** Direct members of a department, sorted by their order there (larger first), then userid. */
  membersOf(deptId: number, opts?: ViewOpts): CMember[] {
    const out: Array<[number, CMember]> = [];
    for (const m of this.lookup(this.membersByDept.get(deptId) ?? [], opts)) {
      const link = m.departments.find((l) => l.departmentId === deptId);
      out.push([link?.order ?? 0, m]);
    }
    out.sort((a, b) => b[0] - a[0] || (a[1].userid < b[1].userid ? -1 : a[1].userid > b[1].userid ? 1 : 0));
    return out.map((x) => x[1]);
  }

  /** Count of direct non-deleted members, without sorting. */
  memberCount(deptId: number): number {
    let n = 0;
    for (const k of this.membersByDept.get(deptId) ?? []) if (!this.s.mems.deleted.has(k)) n++;
    return n;
  }

  members(opts?: ViewOpts): CMember[] {
    return valuesOf(this.s.mems, opts);
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

  private lookup(keys: Iterable<string>, opts?: ViewOpts): CMember[] {
    const out: CMember[] = [];
    // Keys here are already uidKey()ed.
    for (const k of keys) {
      const m = opts?.includeDeleted ? this.s.mems.cur.get(k) : this.s.mems.live(k);
      if (m) out.push(m);
    }
    return out;
  }

  // ---------------------------------------------------------------- tags

  tag(tagid: number, opts?: ViewOpts): CTag | undefined {
    return opts?.includeDeleted ? this.s.tags.cur.get(tagid) : this.s.tags.live(tagid);
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
    return valuesOf(this.s.tags, opts);
  }

  // ---------------------------------------------------------------- pending state vs the base

  baseDept(id: number): CDept | null {
    return this.s.depts.base(id);
  }
  baseMember(userid: string): CMember | null {
    return this.s.mems.base(uidKey(userid));
  }
  baseTag(tagid: number): CTag | null {
    return this.s.tags.base(tagid);
  }

  isDeleted(kind: EntityKind, key: number | string): boolean {
    if (kind === 'department') return this.s.depts.deleted.has(Number(key));
    if (kind === 'member') return this.s.mems.deleted.has(uidKey(String(key)));
    return this.s.tags.deleted.has(Number(key));
  }

  /** Keys an op has touched (department/tag ids as numbers, members as lower-cased userids). */
  touchedKeys(kind: 'department' | 'tag'): number[];
  touchedKeys(kind: 'member'): string[];
  touchedKeys(kind: EntityKind): Array<number | string> {
    if (kind === 'department') return [...this.s.depts.touched.keys()];
    if (kind === 'member') return [...this.s.mems.touched.keys()];
    return [...this.s.tags.touched.keys()];
  }

  /** How the entity differs from the cache: what the tree shows as a pending badge. */
  pendingOf(kind: EntityKind, key: number | string): Pending {
    if (kind === 'department') return pendingIn(this.s.depts, Number(key), sameDept);
    if (kind === 'member') return pendingIn(this.s.mems, uidKey(String(key)), sameMember);
    return pendingIn(this.s.tags, Number(key), sameTag);
  }
}

function valuesOf<K, V>(store: Store<K, V>, opts?: ViewOpts): V[] {
  const out: V[] = [];
  for (const [k, v] of store.cur) if (opts?.includeDeleted || !store.deleted.has(k)) out.push(v);
  return out;
}
