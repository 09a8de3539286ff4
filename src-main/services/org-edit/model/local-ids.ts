import type { ChangeOp } from '../../../contract/org-edit';
import type { WorkingCopy } from './working-copy';

type Ids = { department: Map<number, number>; tag: Map<number, number> };

/** Rewrites every department and tag id in `ops` through the maps (ids not in a map stay). */
export function mapIds(ops: readonly ChangeOp[], ids: Ids): ChangeOp[] {
  const d = (v: number) => ids.department.get(v) ?? v;
  const t = (v: number) => ids.tag.get(v) ?? v;
  return ops.map((op): ChangeOp => {
    switch (op.type) {
      case 'dept.create':
        return { ...op, id: d(op.id), parentid: d(op.parentid) };
      case 'dept.update':
        return { ...op, id: d(op.id), ...(op.parentid !== undefined ? { parentid: d(op.parentid) } : {}) };
      case 'dept.delete':
        return { ...op, id: d(op.id) };
      case 'member.create':
      case 'member.update': {
        const f = { ...op.fields };
        if (f.departments)
          f.departments = f.departments.map((l) => ({ ...l, departmentId: d(l.departmentId) }));
        if (f.mainDepartment !== undefined) f.mainDepartment = d(f.mainDepartment);
        return { ...op, fields: f } as ChangeOp;
      }
      case 'member.delete':
        return op;
      case 'tag.create':
      case 'tag.update':
      case 'tag.delete':
        return { ...op, tagid: t(op.tagid) };
      case 'tag.addMembers':
      case 'tag.removeMembers':
        return { ...op, tagid: t(op.tagid), departmentIds: op.departmentIds.map(d) };
    }
  });
}

/** The lowest local (negative) id an op list creates; 0 when it creates none. */
export function lowestLocalId(ops: readonly ChangeOp[]): number {
  let low = 0;
  for (const op of ops) {
    if (op.type === 'dept.create') low = Math.min(low, op.id);
    if (op.type === 'tag.create') low = Math.min(low, op.tagid);
  }
  return low;
}

/**
 * A gesture's new departments and tags get local ids below `floor` (the lowest this corp ever used)
 * unless the id is already live in the working copy. The renderer picks ids from what it sees, which
 * after a push is nothing: without this, -1 would name a different department in every batch.
 */
export function freshenLocalIds(ops: readonly ChangeOp[], wc: WorkingCopy, floor: number): ChangeOp[] {
  const ids: Ids = { department: new Map(), tag: new Map() };
  let next = Math.min(-1, floor - 1);
  const live = (kind: 'department' | 'tag', id: number) =>
    kind === 'department' ? wc.dept(id, { includeDeleted: true }) : wc.tag(id);
  for (const op of ops) {
    if (op.type === 'dept.create' && op.id > floor - 1 && !live('department', op.id))
      ids.department.set(op.id, 0);
    if (op.type === 'tag.create' && op.tagid > floor - 1 && !live('tag', op.tagid)) ids.tag.set(op.tagid, 0);
  }
  if (ids.department.size + ids.tag.size === 0) return [...ops];
  // Below the floor and below anything else in the gesture.
  next = Math.min(next, lowestLocalId(ops) - 1);
  for (const m of [ids.department, ids.tag]) for (const k of m.keys()) m.set(k, next--);
  return mapIds(ops, ids);
}
