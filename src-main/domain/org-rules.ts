import { MAX_DEPT_DEPTH } from '../contract';
import { issue, type RuleIssue } from './issue-codes';

/**
 * WeCom's department rules (API.md §2.1) and the hospital's fixed top groups, as pure checks over a
 * minimal view of the tree. Main's working copy and the renderer's display tree both adapt to the
 * view, so a drop refused while dragging and an op refused by main are refused by the same code.
 * Each check returns issue codes (issue-codes.ts); callers pick the path and whether it blocks.
 */
export interface DeptTreeView {
  /** The department is known (pending deletion or not): walks up the tree stop where this is false. */
  has(id: number): boolean;
  /** Its parent; null for a top-level department (the WeCom root, whose parentid 0 is no department). */
  parentOf(id: number): number | null;
  /** Live sub-departments (not those pending deletion). */
  childrenOf(id: number): Iterable<number>;
  nameOf(id: number): string | undefined;
  /** One of the six fixed top groups. */
  isPinned(id: number): boolean;
}

/** Stops walks on corrupt data (a parent cycle) without looping forever. */
const WALK_LIMIT = 10_000;

/** 1-based level, as WeCom counts: the root is 1. A broken parent chain counts the levels it has. */
export function deptDepth(t: DeptTreeView, id: number): number {
  let n = 0;
  let cur: number | null = id;
  while (cur !== null && t.has(cur) && n < WALK_LIMIT) {
    n++;
    cur = t.parentOf(cur);
  }
  return n;
}

/** Levels of the subtree rooted at id, the department itself counting 1. */
export function subtreeHeight(t: DeptTreeView, id: number): number {
  let h = 0;
  let level = [id];
  while (level.length > 0 && h < WALK_LIMIT) {
    h++;
    const next: number[] = [];
    for (const d of level) for (const c of t.childrenOf(d)) next.push(c);
    level = next;
  }
  return h;
}

/** id is ancestor itself or lies below it. */
export function isSelfOrDescendant(t: DeptTreeView, ancestor: number, id: number): boolean {
  let cur: number | null = id;
  for (let n = 0; cur !== null && n < WALK_LIMIT; n++) {
    if (cur === ancestor) return true;
    if (!t.has(cur)) return false;
    cur = t.parentOf(cur);
  }
  return false;
}

const nameOr = (t: DeptTreeView, id: number): string => t.nameOf(id) ?? String(id);

/**
 * Moving an existing department under parentId: fixed groups and top-level departments stay put, a
 * department cannot go below itself, and the result must fit in WeCom's 15 levels (81002) counting
 * its own sub-departments. Returns at most one issue: the first that blocks.
 */
export function checkDeptMove(t: DeptTreeView, id: number, parentId: number): RuleIssue[] {
  const name = nameOr(t, id);
  if (t.isPinned(id)) return [issue('dept.pinned', { name })];
  if (t.parentOf(id) === null) return [issue('dept.rootMove', { name })];
  if (isSelfOrDescendant(t, id, parentId))
    return [issue('dept.cycle', { name, targetName: nameOr(t, parentId) })];
  const depth = deptDepth(t, parentId) + subtreeHeight(t, id);
  if (depth > MAX_DEPT_DEPTH)
    return [issue('dept.tooDeep', { name, parentName: nameOr(t, parentId), depth, max: MAX_DEPT_DEPTH })];
  return [];
}

/** A new department named `name` under parentId must fit in WeCom's 15 levels. */
export function checkDeptCreateDepth(t: DeptTreeView, parentId: number, name: string): RuleIssue[] {
  const depth = deptDepth(t, parentId) + 1;
  if (depth <= MAX_DEPT_DEPTH) return [];
  return [issue('dept.tooDeep', { name, parentName: nameOr(t, parentId), depth, max: MAX_DEPT_DEPTH })];
}

/** Renaming or reordering: only the fixed top groups refuse it. */
export function checkDeptEditable(t: DeptTreeView, id: number): RuleIssue[] {
  return t.isPinned(id) ? [issue('dept.pinned', { name: nameOr(t, id) })] : [];
}

/**
 * Deleting: never the root nor a fixed group; WeCom refuses a department that still has
 * sub-departments (60006) or members (60005), so both counts are reported.
 */
export function checkDeptDelete(
  t: DeptTreeView,
  id: number,
  counts: { children: number; members: number },
): RuleIssue[] {
  const name = nameOr(t, id);
  if (t.parentOf(id) === null) return [issue('dept.rootDelete', { name })];
  if (t.isPinned(id)) return [issue('dept.pinned', { name })];
  const out: RuleIssue[] = [];
  if (counts.children > 0) out.push(issue('dept.hasChildren', { count: counts.children }));
  if (counts.members > 0) out.push(issue('dept.hasMembers', { count: counts.members }));
  return out;
}

/** The fixed groups sort first: nothing may be dropped at an index among them. */
export function checkDropIndex(t: DeptTreeView, parentId: number, index: number): RuleIssue[] {
  let pinned = 0;
  for (const c of t.childrenOf(parentId)) if (t.isPinned(c)) pinned++;
  return index < pinned ? [issue('dept.pinnedFirst')] : [];
}

/** A sibling as the name check sees it: those pending deletion still hold their name until pushed. */
export interface SiblingName {
  id: number;
  name: string;
  deleted?: boolean;
}

/** WeCom refuses two children of one parent with the same name (60008), compared case-sensitively. */
export function checkSiblingName(
  siblings: Iterable<SiblingName>,
  name: string,
  selfId: number,
  parent: { id: number; name: string | null },
): RuleIssue[] {
  for (const s of siblings) {
    if (s.id === selfId || s.name !== name) continue;
    const p = { name, parentId: parent.id, parentName: parent.name };
    return [s.deleted ? issue('dept.nameHeldByDeleted', p) : issue('dept.nameTaken', p)];
  }
  return [];
}
