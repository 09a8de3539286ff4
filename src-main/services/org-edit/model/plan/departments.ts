import type { CallOf } from '../../../../contract/outbox';
import { ROOT_DEPT_ID, type CDept, type CacheSnapshot } from '../../../../domain/org-cache';
import type { WorkingCopy } from '../working-copy';
import { DeptSim } from './dept-sim';
import type { Draft } from './types';

/**
 * Department creates and updates, simulated so that no call ever targets a missing parent, forms a
 * cycle, exceeds 15 levels or collides with a sibling's name. Returns the simulation, whose depths
 * order the deletes the orchestrator plans last.
 */

interface DeptAction {
  id: number;
  create: boolean;
  before: CDept | null;
  final: CDept;
}

export function planDepartments(base: CacheSnapshot, wc: WorkingCopy, out: Draft[]): DeptSim {
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
