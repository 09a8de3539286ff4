import type { CallOf } from '../../../../contract/outbox';
import { ROOT_DEPT_ID, type CDept, type CacheSnapshot } from '../../../../domain/org-cache';
import type { WorkingCopy } from '../working-copy';
import { childrenByParent, displayIds, movedAmong, positionPhrase } from '../positions';
import { DeptSim } from './dept-sim';
import type { Draft } from './types';

/**
 * Department creates and updates, simulated so that no call ever targets a missing parent, forms a
 * cycle, exceeds 15 levels or collides with a sibling's name. Returns the simulation, whose depths
 * order the deletes the orchestrator plans last.
 */
export function planDepartments(base: CacheSnapshot, wc: WorkingCopy, out: Draft[]): DeptSim {
  return new DeptPlanner(base, wc, out).run();
}

interface DeptAction {
  id: number;
  create: boolean;
  before: CDept | null;
  final: CDept;
}

class DeptPlanner {
  private readonly sim: DeptSim;
  private pending: DeptAction[];
  /**
   * Departments that will be deleted stay where the cache has them until the end (update-then-delete
   * = delete only), still holding their names.
   */
  private readonly toDelete = new Map<number, CDept>();
  private readonly renamedInPlace = new Set<number>();
  private readonly baseChildren: (parentId: number) => number[];

  constructor(
    base: CacheSnapshot,
    private readonly wc: WorkingCopy,
    private readonly out: Draft[],
  ) {
    this.sim = new DeptSim(base.departments);
    this.baseChildren = childrenByParent(base.departments);
    const creates: DeptAction[] = [];
    const updates: DeptAction[] = [];
    for (const id of wc.touchedKeys('department')) {
      const b = wc.baseDept(id);
      if (wc.isDeleted('department', id)) {
        if (b) this.toDelete.set(id, b);
        continue;
      }
      const cur = wc.dept(id);
      if (!cur) continue;
      if (!b) creates.push({ id, create: true, before: null, final: cur });
      else if (b.name !== cur.name || b.parentid !== cur.parentid || b.order !== cur.order)
        updates.push({ id, create: false, before: b, final: cur });
    }
    // Parents before children; otherwise the clerk's order.
    creates.sort((a, b) => wc.depth(a.id) - wc.depth(b.id));
    this.pending = [...creates, ...updates];
  }

  run(): DeptSim {
    this.runGreedy();
    let parked = false;
    while (this.pending.length > 0) {
      if (this.freeOneName()) this.runGreedy();
      else if (!parked) {
        this.parkAll();
        parked = true;
        this.runGreedy();
      } else break;
    }
    // Only an invalid final state (which validation refuses) gets here: send as is and let WeCom say why.
    for (const a of this.pending) this.emit(a);
    return this.sim;
  }

  /** Sibling order before (the cache) and after (the working copy), per parent, computed once. */
  private readonly places = new Map<number, { before: number[]; after: number[]; moved: Set<number> }>();

  /** 「骨科：第 8 位 → 第 9 位」, or for a sibling renumbered around it, why its value changes. */
  private reorderSummary(f: CDept): string {
    let p = this.places.get(f.parentid);
    if (!p) {
      const before = this.baseChildren(f.parentid);
      const after = displayIds(this.wc.children(f.parentid));
      const moved = movedAmong(
        before,
        after,
        (id) => this.wc.baseDept(id)?.order !== this.wc.dept(id)?.order,
      );
      this.places.set(f.parentid, (p = { before, after, moved }));
    }
    const where = p.moved.has(f.id) ? positionPhrase(f.id, p.before, p.after) : null;
    return where ? `${f.name}：${where}` : `调整「${f.name}」的排序值（位置不变，为相邻部门让出位置）`;
  }

  private nameOf(id: number): string {
    return this.sim.nameOf(id) ?? this.wc.dept(id, { includeDeleted: true })?.name ?? `部门#${id}`;
  }

  private blocker(a: DeptAction) {
    return this.sim.blocker(a.id, a.final.parentid, a.final.name);
  }

  private emit(a: DeptAction): void {
    const f = a.final;
    if (a.create) {
      this.out.push({
        call: { kind: 'dept.create', localId: f.id, name: f.name, parentId: f.parentid, order: f.order },
        entity: 'department',
        key: String(f.id),
        summary: `新建部门「${f.name}」于 ${this.nameOf(f.parentid)}`,
        before: null,
        after: f,
      });
    } else {
      const call: CallOf<'dept.update'> = { kind: 'dept.update', id: f.id };
      const parts: string[] = [];
      const curName = this.sim.nameOf(f.id)!;
      if (curName !== f.name) {
        call.name = f.name;
        parts.push(`重命名部门「${curName}」为「${f.name}」`);
      }
      if (this.sim.parentOf(f.id) !== f.parentid) {
        call.parentId = f.parentid;
        parts.push(`将「${f.name}」移到 ${this.nameOf(f.parentid)} 之下`);
      }
      if (a.before!.order !== f.order) {
        call.order = f.order;
        if (parts.length === 0) parts.push(this.reorderSummary(f));
      }
      const summary = parts.join('；');
      this.out.push({ call, entity: 'department', key: String(f.id), summary, before: a.before, after: f });
    }
    this.sim.place(f.id, f.parentid, f.name);
  }

  /** Greedy: apply whatever is valid now, until everything is placed or nothing can move. */
  private runGreedy(): void {
    for (let progress = true; progress && this.pending.length > 0;) {
      progress = false;
      const still: DeptAction[] = [];
      for (const a of this.pending) {
        if (this.blocker(a) === null) {
          this.emit(a);
          progress = true;
        } else still.push(a);
      }
      this.pending = still;
    }
  }

  /**
   * A name held by a department that is itself about to be renamed, moved or deleted (a name swap):
   * give the holder a temporary name in place — one call — so the other can take it.
   */
  private freeOneName(): boolean {
    const { sim, pending } = this;
    const movable = new Set(pending.filter((a) => !a.create).map((a) => a.id));
    for (const a of pending) {
      if (this.blocker(a) !== 'name') continue;
      const h = sim.holder(a.final.parentid, a.final.name);
      if (h === undefined || this.renamedInPlace.has(h) || !(movable.has(h) || this.toDelete.has(h)))
        continue;
      this.renamedInPlace.add(h);
      const parent = sim.parentOf(h)!;
      const curName = sim.nameOf(h)!;
      const temp = sim.freeName(parent, curName, h);
      const later = pending.find((x) => x.id === h);
      const order = (later?.before ?? this.toDelete.get(h))!.order;
      const before = { id: h, name: curName, parentid: parent, order };
      this.out.push({
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
  }

  /**
   * Park every remaining moved department directly under the root with a temporary unique name —
   * always valid, since it can only shorten paths — then place everything top-down in final-tree
   * order, which is valid whenever the final tree is. Only for tangles of depth limits and swaps.
   * Departments to delete are parked too: until the end they still count in their ancestors' depth.
   */
  private parkAll(): void {
    for (const a of this.pending)
      if (!a.create && a.id !== ROOT_DEPT_ID) this.park(a.id, a.before!.order, false);
    for (const d of this.toDelete.values())
      if (this.sim.parentOf(d.id) !== ROOT_DEPT_ID) this.park(d.id, d.order, true);
    this.pending.sort((a, b) => this.wc.depth(a.id) - this.wc.depth(b.id));
  }

  private park(id: number, order: number, deleting: boolean): void {
    const { sim } = this;
    const curName = sim.nameOf(id)!;
    const temp = sim.freeName(ROOT_DEPT_ID, curName, id);
    const call: CallOf<'dept.update'> = { kind: 'dept.update', id, name: temp };
    if (sim.parentOf(id) !== ROOT_DEPT_ID) call.parentId = ROOT_DEPT_ID;
    const before = { id, name: curName, parentid: sim.parentOf(id), order };
    this.out.push({
      call,
      entity: 'department',
      key: String(id),
      summary: `临时将「${curName}」移到根部门下并暂名为「${temp}」（调整结构所需，稍后${deleting ? '删除' : '移到目标位置'}）`,
      before,
      after: { ...before, name: temp, parentid: ROOT_DEPT_ID },
    });
    sim.place(id, ROOT_DEPT_ID, temp);
  }
}
