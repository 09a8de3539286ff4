import type { ChangeOp } from '../../../contract/org-edit';
import { issue, type DeptRole } from '../../../domain/issue-codes';
import {
  checkDeptCreateDepth,
  checkDeptDelete as deleteRules,
  checkDeptEditable,
  checkDeptMove,
  checkSiblingName,
  type DeptTreeView,
} from '../../../domain/org-rules';
import { ROOT_DEPT_ID, type CDept } from './types';
import type { OpCheck } from './validate-check';
import type { WorkingCopy } from './working-copy';

/**
 * Department ops against the working copy. The rules themselves are the domain's (org-rules.ts), the
 * same the renderer runs while dragging; this file finds the departments and picks the paths.
 */

/** The working copy as the domain's tree view; built per op, as the copy changes along the batch. */
export function deptTreeView(s: WorkingCopy): DeptTreeView {
  return {
    has: (id) => s.dept(id, { includeDeleted: true }) !== undefined,
    parentOf: (id) => (id === ROOT_DEPT_ID ? null : (s.dept(id, { includeDeleted: true })?.parentid ?? null)),
    childrenOf: (id) => s.children(id).map((d) => d.id),
    nameOf: (id) => s.dept(id, { includeDeleted: true })?.name,
    isPinned: (id) => s.pinnedRank(id) !== null,
  };
}

/** Checks the department exists and is not marked deleted; returns it. */
export function requireDept(
  s: WorkingCopy,
  id: number,
  path: string,
  role: DeptRole,
  c: OpCheck,
  hard = true,
): CDept | null {
  const d = s.dept(id, { includeDeleted: true });
  if (!d) {
    c.add(path, issue('dept.missing', { role, id }), hard);
    return null;
  }
  if (s.isDeleted('department', id)) {
    c.add(path, issue('dept.deleted', { role, name: d.name }), hard);
    return null;
  }
  return d;
}

function checkSiblings(
  s: WorkingCopy,
  parentid: number,
  name: string,
  selfId: number,
  path: string,
  c: OpCheck,
) {
  const siblings = s
    .children(parentid, { includeDeleted: true })
    .map((x) => ({ id: x.id, name: x.name, deleted: s.isDeleted('department', x.id) }));
  const parent = { id: parentid, name: s.dept(parentid, { includeDeleted: true })?.name ?? null };
  c.addAll(path, checkSiblingName(siblings, name, selfId, parent));
}

export function checkDeptCreate(
  s: WorkingCopy,
  op: Extract<ChangeOp, { type: 'dept.create' }>,
  c: OpCheck,
): void {
  if (s.dept(op.id, { includeDeleted: true })) c.add('id', issue('dept.idTaken', { id: op.id }), true);
  if (!requireDept(s, op.parentid, 'parentid', 'parent', c)) return;
  const name = op.name.trim();
  c.addAll('parentid', checkDeptCreateDepth(deptTreeView(s), op.parentid, name), true);
  checkSiblings(s, op.parentid, name, op.id, 'name', c);
}

export function checkDeptUpdate(
  s: WorkingCopy,
  op: Extract<ChangeOp, { type: 'dept.update' }>,
  c: OpCheck,
): void {
  const d = requireDept(s, op.id, 'id', 'dept', c);
  if (!d) return;
  const name = op.name === undefined ? d.name : op.name.trim();
  const parentid = op.parentid ?? d.parentid;
  const moved = parentid !== d.parentid;
  const renamed = name !== d.name;
  const reordered = op.order !== undefined && op.order !== d.order;
  const view = deptTreeView(s);
  if (moved) {
    if (!requireDept(s, parentid, 'parentid', 'parent', c)) return;
    const refused = checkDeptMove(view, op.id, parentid);
    // A fixed group that is also renamed: point at the name, the first thing the clerk changed.
    const path = renamed && refused[0]?.code === 'dept.pinned' ? 'name' : 'parentid';
    c.addAll(path, refused, true);
    if (refused.length) return;
  } else if (renamed || reordered) {
    // Saving unchanged values is fine (a form may send every field); only a real change is refused.
    const refused = checkDeptEditable(view, op.id);
    c.addAll(renamed ? 'name' : 'order', refused, true);
    if (refused.length) return;
  }
  if (moved || renamed)
    checkSiblings(s, parentid, name, op.id, op.name !== undefined ? 'name' : 'parentid', c);
}

export function checkDeptDelete(s: WorkingCopy, id: number, c: OpCheck): void {
  if (!requireDept(s, id, 'id', 'dept', c)) return;
  const counts = { children: s.childCount(id), members: s.memberCount(id) };
  c.addAll('id', deleteRules(deptTreeView(s), id, counts), true);
}
