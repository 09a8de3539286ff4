import { MAX_DEPT_DEPTH } from '../../../../contract/org-edit';
import { DeptIndex } from '../../../../domain/dept-index';
import type { CDept } from '../../../../domain/org-cache';

/** Why a department cannot be placed right now (see DeptSim.blocker). */
export type Blocker = 'parent' | 'cycle' | 'depth' | 'name';

/**
 * The department tree as WeCom sees it after the calls planned so far: the tree itself (DeptIndex)
 * plus the sibling names WeCom keeps unique.
 */
export class DeptSim {
  private readonly tree = new DeptIndex();
  private readonly name = new Map<number, string>();
  private readonly slots = new Map<string, number>();

  constructor(depts: readonly CDept[]) {
    for (const d of depts) this.place(d.id, d.parentid, d.name);
  }
  private static slot(parent: number, name: string): string {
    return `${parent}\u0000${name}`;
  }
  has(id: number): boolean {
    return this.tree.has(id);
  }
  parentOf(id: number): number | undefined {
    return this.tree.parentOf(id);
  }
  nameOf(id: number): string | undefined {
    return this.name.get(id);
  }
  depth(id: number): number {
    return this.tree.depth(id);
  }
  holder(parent: number, name: string): number | undefined {
    return this.slots.get(DeptSim.slot(parent, name));
  }
  place(id: number, parent: number, name: string): void {
    const oldP = this.tree.parentOf(id);
    if (oldP !== undefined) {
      const old = DeptSim.slot(oldP, this.name.get(id)!);
      if (this.slots.get(old) === id) this.slots.delete(old);
    }
    this.tree.set(id, parent);
    this.name.set(id, name);
    this.slots.set(DeptSim.slot(parent, name), id);
  }
  /** Why placing id (or a new department when id is absent) under parent with name is invalid now. */
  blocker(id: number, parent: number, name: string): Blocker | null {
    if (!this.has(parent)) return 'parent';
    const moving = this.has(id) && this.parentOf(id) !== parent;
    if (moving && this.tree.isSelfOrDescendant(parent, id)) return 'cycle';
    const height = this.has(id) ? this.tree.height(id) : 1;
    if ((moving || !this.has(id)) && this.tree.depth(parent) + height > MAX_DEPT_DEPTH) return 'depth';
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
