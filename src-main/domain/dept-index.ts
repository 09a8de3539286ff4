import { ROOT_DEPT_ID } from './org-cache';

/**
 * The department tree as parent links and child sets, and the one place that walks it. Depth is
 * 1-based (the root is level 1, WeCom's 15-level limit counts the same way); height counts the
 * department itself. The working copy, the push planner's simulation and the diff's paths all use it,
 * so the tree is walked one way with one guard.
 */

/**
 * Bounds every upward walk: a corrupt (cyclic) cache must not hang the app. WeCom allows 15 levels,
 * so a real chain never gets near it.
 */
export const WALK_LIMIT = 64;

export interface DeptLink {
  id: number;
  parentid: number;
}

export class DeptIndex {
  private readonly parents = new Map<number, number>();
  private readonly kids = new Map<number, Set<number>>();

  /**
   * `hidden` departments stay in the tree (their descendants still count their levels) but are left out
   * of downward queries: the working copy hides departments staged for deletion this way.
   */
  constructor(
    links: Iterable<DeptLink> = [],
    private readonly hidden: (id: number) => boolean = () => false,
  ) {
    for (const d of links) this.set(d.id, d.parentid);
  }

  /** Adds the department or moves it under `parentid`. */
  set(id: number, parentid: number): void {
    const old = this.parents.get(id);
    if (old === parentid) return;
    if (old !== undefined) this.kids.get(old)?.delete(id);
    this.parents.set(id, parentid);
    let k = this.kids.get(parentid);
    if (!k) this.kids.set(parentid, (k = new Set()));
    k.add(id);
  }

  remove(id: number): void {
    const old = this.parents.get(id);
    if (old === undefined) return;
    this.kids.get(old)?.delete(id);
    this.parents.delete(id);
  }

  has(id: number): boolean {
    return this.parents.has(id);
  }

  parentOf(id: number): number | undefined {
    return this.parents.get(id);
  }

  /** Direct children, hidden ones included, in no particular order. */
  childIds(id: number): ReadonlySet<number> {
    return this.kids.get(id) ?? EMPTY;
  }

  /** Number of visible direct children. */
  childCount(id: number): number {
    let n = 0;
    for (const c of this.childIds(id)) if (!this.hidden(c)) n++;
    return n;
  }

  /**
   * The department and its ancestors, nearest first, ending at the root or where the chain breaks (a
   * parent not in the index). Empty for an unknown id.
   */
  chain(id: number): number[] {
    const out: number[] = [];
    for (let cur = id; out.length < WALK_LIMIT;) {
      const parent = this.parents.get(cur);
      if (parent === undefined) break;
      out.push(cur);
      if (cur === ROOT_DEPT_ID) break;
      cur = parent;
    }
    return out;
  }

  /** Level of the department, the root being 1; a broken chain counts the levels it has; 0 if unknown. */
  depth(id: number): number {
    let n = 0;
    for (let cur = id; n < WALK_LIMIT; n++) {
      const parent = this.parents.get(cur);
      if (parent === undefined) break;
      if (cur === ROOT_DEPT_ID) return n + 1;
      cur = parent;
    }
    return n;
  }

  /** Levels of the visible subtree rooted at id, the department itself counting 1. */
  height(id: number): number {
    let h = 0;
    let level = [id];
    while (level.length > 0 && h < WALK_LIMIT) {
      h++;
      const next: number[] = [];
      for (const d of level) for (const c of this.childIds(d)) if (!this.hidden(c)) next.push(c);
      level = next;
    }
    return h;
  }

  /** Every visible department of the subtree, id first, breadth first. */
  subtree(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++)
      for (const c of this.childIds(out[i]!)) if (!this.hidden(c)) out.push(c);
    return out;
  }

  /** True when a is a proper ancestor of b (a !== b). */
  isAncestor(a: number, b: number): boolean {
    let cur = b;
    for (let n = 0; n < WALK_LIMIT; n++) {
      if (cur === ROOT_DEPT_ID) return false;
      const parent = this.parents.get(cur);
      if (parent === undefined) return false;
      if (parent === a) return true;
      cur = parent;
    }
    return false;
  }

  /** True when id is `of` or lies below it: moving `of` under id would make a cycle. */
  isSelfOrDescendant(id: number, of: number): boolean {
    return id === of || this.isAncestor(of, id);
  }
}

const EMPTY: ReadonlySet<number> = new Set();
