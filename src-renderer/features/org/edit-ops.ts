import type { ChangeOp, Department, Member } from '../../../src-main/contract';
import { issue, type RuleIssue } from '../../../src-main/domain/issue-codes';
import { issueMessage } from '../../../src-main/domain/issue-messages.zh-CN';
import {
  checkDeptMove,
  checkDropIndex,
  isSelfOrDescendant as selfOrDescendant,
  type DeptTreeView,
} from '../../../src-main/domain/org-rules';
import type { DeptTree } from './dept-tree-model';

/**
 * Pure helpers that turn tree / table gestures into ChangeOps. Main validates everything again; the
 * drop checks run the same domain rules and words, so the UI can refuse an impossible drop while the
 * mouse is still moving and say exactly what main would.
 */

/** Spacing between reassigned sibling `order` values: leaves room for later single inserts. */
export const ORDER_STEP = 100;

/** WeCom's `order` is a uint32 (API.md §2.1). */
export const ORDER_MAX = 2 ** 32 - 1;

/**
 * `count` strictly decreasing `order` values that sort between the sibling above (`hi`, larger) and
 * the one below (`lo`), or null when there is no room. Ends of the list get ORDER_STEP spacing so the
 * next move there still finds a gap.
 */
export function ordersBetween(
  hi: number | undefined,
  lo: number | undefined,
  count: number,
): number[] | null {
  const idx = Array.from({ length: count }, (_, i) => i);
  if (hi === undefined && lo === undefined) return idx.map((i) => (count - i) * ORDER_STEP);
  if (hi === undefined && lo! + count * ORDER_STEP <= ORDER_MAX)
    return idx.map((i) => lo! + (count - i) * ORDER_STEP);
  if (lo === undefined && hi! - count * ORDER_STEP >= 0) return idx.map((i) => hi! - (i + 1) * ORDER_STEP);
  const top = hi ?? ORDER_MAX + 1;
  const bottom = lo ?? -1;
  const span = top - bottom;
  if (span < count + 1) return null;
  return idx.map((i) => top - Math.floor(((i + 1) * span) / (count + 1)));
}

/**
 * A fresh negative id for a locally created department or tag. Derived from the clock so ids do
 * not collide across sessions; checked against the ids already in use.
 */
export function allocateNegativeId(
  used: Iterable<number>,
  now = Date.now(),
  random: () => number = Math.random,
): number {
  const taken = new Set(used);
  let id = -((now % 1e9) + Math.floor(random() * 1000) + 1);
  while (taken.has(id)) id -= 1;
  return id;
}

/** A refused drop carries the rule issue; `reason` is its text from the shared catalogue. */
export type DropCheck = { ok: true } | { ok: false; reason: string; issue?: RuleIssue };

/** Where a department drop lands: under `parentId`, optionally at `index` among its displayed children. */
export interface DeptDropTarget {
  parentId: number;
  /** Index among the parent's current children (display order, dragged ones still counted). */
  index?: number;
}

export const isPinned = (d: Department | undefined): boolean => d?.pinnedRank != null;

/**
 * The display tree as the domain's tree view, so drops are judged by the rules main applies. A
 * department whose parent is not loaded is top level; children pending deletion do not count.
 */
export function deptTreeView(tree: DeptTree): DeptTreeView {
  return {
    has: (id) => tree.byId.has(id),
    parentOf: (id) => {
      const d = tree.byId.get(id);
      return d && d.parentid !== id && tree.byId.has(d.parentid) ? d.parentid : null;
    },
    childrenOf: (id) => (tree.children.get(id) ?? []).filter((c) => tree.byId.get(c)?.pending !== 'deleted'),
    nameOf: (id) => tree.byId.get(id)?.name,
    isPinned: (id) => isPinned(tree.byId.get(id)),
  };
}

export function isSelfOrDescendant(tree: DeptTree, ancestorId: number, id: number): boolean {
  return selfOrDescendant(deptTreeView(tree), ancestorId, id);
}

const refuse = (i: RuleIssue): DropCheck => ({ ok: false, reason: issueMessage(i), issue: i });

/** Whether the dragged departments may go to `target`; the reason is shown to the clerk. */
export function canDropDepts(
  tree: DeptTree,
  draggedIds: readonly number[],
  target: DeptDropTarget,
): DropCheck {
  if (draggedIds.length === 0) return refuse(issue('dept.noneSelected'));
  const parent = tree.byId.get(target.parentId);
  if (!parent) return refuse(issue('dept.toTopLevel'));
  if (parent.pending === 'deleted')
    return refuse(issue('dept.deleted', { role: 'parent', name: parent.name }));
  const view = deptTreeView(tree);
  for (const id of draggedIds) {
    if (!tree.byId.has(id)) return refuse(issue('dept.missing', { role: 'dept', id }));
    const [blocked] = checkDeptMove(view, id, target.parentId);
    if (blocked) return refuse(blocked);
  }
  if (target.index !== undefined) {
    const [blocked] = checkDropIndex(view, target.parentId, target.index);
    if (blocked) return refuse(blocked);
  }
  return { ok: true };
}

type DeptUpdate = Extract<ChangeOp, { type: 'dept.update' }>;

/**
 * Ops that place `movedIds` under `parentId` at `index` (display order; omitted = just reparent,
 * keeping the own `order`). WeCom sorts larger `order` first, so the moved departments get values
 * between their new neighbours and no sibling is rewritten (one move = one WeCom write). Only when
 * the neighbours leave no gap are the non-pinned siblings renumbered (n - i) * ORDER_STEP. Pinned
 * groups are never touched (they sort first by rank whatever their order). The moved departments'
 * ops come first: main names the first op of a renumbering as the department that moved.
 */
export function computeReorderOps(
  tree: DeptTree,
  movedIds: readonly number[],
  parentId: number,
  index?: number,
): DeptUpdate[] {
  const moved = movedIds.filter((id) => tree.byId.has(id));
  const movedSet = new Set(moved);
  const ops = new Map<number, DeptUpdate>();
  const opFor = (id: number): DeptUpdate => {
    let op = ops.get(id);
    if (!op) ops.set(id, (op = { type: 'dept.update', id }));
    return op;
  };
  for (const id of moved) {
    const op = opFor(id);
    if (tree.byId.get(id)!.parentid !== parentId) op.parentid = parentId;
  }
  if (index !== undefined) {
    const orderOf = (id: number) => tree.byId.get(id)!.order;
    const current = tree.children.get(parentId) ?? [];
    const before = current.slice(0, index).filter((id) => !movedSet.has(id));
    const after = current.slice(index).filter((id) => !movedSet.has(id));
    const unpinned = (ids: readonly number[]) => ids.filter((id) => !isPinned(tree.byId.get(id)));
    const block = unpinned(moved);
    const above = unpinned(before).at(-1);
    const below = unpinned(after)[0];
    const hi = above === undefined ? undefined : orderOf(above);
    const lo = below === undefined ? undefined : orderOf(below);
    const fits = block.every(
      (id, i) =>
        (hi === undefined || orderOf(id) < hi) &&
        (lo === undefined || orderOf(id) > lo) &&
        (i === 0 || orderOf(id) < orderOf(block[i - 1]!)),
    );
    const values = fits ? block.map(orderOf) : ordersBetween(hi, lo, block.length);
    if (values) {
      block.forEach((id, i) => {
        if (orderOf(id) !== values[i]) opFor(id).order = values[i]!;
      });
    } else {
      const list = unpinned([...before, ...moved, ...after]);
      const n = list.length;
      list.forEach((id, i) => {
        const order = (n - i) * ORDER_STEP;
        if (orderOf(id) !== order) opFor(id).order = order;
      });
    }
  }
  return [...ops.values()].filter((op) => op.parentid !== undefined || op.order !== undefined);
}

/** 上移 / 下移 by one place among the siblings; null when it cannot move (first/last, pinned). */
export function moveStepOps(tree: DeptTree, id: number, delta: -1 | 1): DeptUpdate[] | DropCheck {
  const d = tree.byId.get(id);
  if (!d) return { ok: false, reason: '部门不存在' };
  const siblings = tree.children.get(d.parentid) ?? [];
  const pos = siblings.indexOf(id);
  // index in "current children" terms: moving down by one means inserting after the next sibling.
  const index = delta < 0 ? pos - 1 : pos + 2;
  if (pos < 0 || index < 0 || index > siblings.length)
    return { ok: false, reason: delta < 0 ? '已经在最上面了' : '已经在最下面了' };
  const check = canDropDepts(tree, [id], { parentId: d.parentid, index });
  if (!check.ok) return check;
  return computeReorderOps(tree, [id], d.parentid, index);
}

/** The departments a member ends up in after a move/add drop, or null when nothing changes. */
export function memberDeptsAfter(
  member: Pick<Member, 'departments' | 'mainDepartment'>,
  sourceDeptId: number | null,
  targetDeptId: number,
  add: boolean,
): { departments: Member['departments']; mainDepartment: number } | null {
  const links = member.departments;
  const inTarget = links.some((l) => l.departmentId === targetDeptId);
  const main = member.mainDepartment ?? links[0]?.departmentId ?? targetDeptId;
  if (add) {
    if (inTarget) return null;
    return {
      departments: [...links, { departmentId: targetDeptId, order: 0, isLeader: false }],
      mainDepartment: main,
    };
  }
  // Move: replace the source department; without a known source (a search hit), the main one.
  const source =
    sourceDeptId !== null && links.some((l) => l.departmentId === sourceDeptId) ? sourceDeptId : main;
  if (source === targetDeptId) return null;
  let departments: Member['departments'];
  if (inTarget) departments = links.filter((l) => l.departmentId !== source);
  else departments = links.map((l) => (l.departmentId === source ? { ...l, departmentId: targetDeptId } : l));
  if (departments.length === 0) departments = [{ departmentId: targetDeptId, order: 0, isLeader: false }];
  return { departments, mainDepartment: main === source ? targetDeptId : main };
}

/** One op per member that actually changes; the whole drag is one stage call (one undo unit). */
export function membersMoveOps(
  members: ReadonlyArray<Pick<Member, 'userid' | 'departments' | 'mainDepartment'>>,
  sourceDeptId: number | null,
  targetDeptId: number,
  add: boolean,
): ChangeOp[] {
  const ops: ChangeOp[] = [];
  for (const m of members) {
    const next = memberDeptsAfter(m, sourceDeptId, targetDeptId, add);
    if (!next) continue;
    const fields: Extract<ChangeOp, { type: 'member.update' }>['fields'] = { departments: next.departments };
    if (next.mainDepartment !== m.mainDepartment) fields.mainDepartment = next.mainDepartment;
    ops.push({ type: 'member.update', userid: m.userid, fields });
  }
  return ops;
}

/** Slash-separated path for pickers and messages, e.g. 演示医院/临床科室/心内科. */
export function deptPath(tree: DeptTree | null, id: number): string {
  if (!tree) return String(id);
  const names: string[] = [];
  const seen = new Set<number>();
  let cur: number | undefined = id;
  while (cur !== undefined && tree.byId.has(cur) && !seen.has(cur)) {
    seen.add(cur);
    const d: Department = tree.byId.get(cur)!;
    names.unshift(d.name);
    cur = d.parentid;
  }
  return names.join('/') || `部门 ${id}`;
}

/** The list of ops' summary for a drop label, e.g. 「移动 3 人到 心内科」. */
export function membersLabel(count: number, targetName: string, add: boolean): string {
  return add ? `把 ${count} 人加入「${targetName}」` : `移动 ${count} 人到「${targetName}」`;
}
