import type { OutboxCall } from '../../contract/outbox';
import type { IdMap } from '../../db/repos/outbox-repo';

/** A call refers to a department or tag its batch was to create, and that create has not happened. */
export class UnresolvedIdError extends Error {
  constructor(
    readonly kind: 'department' | 'tag',
    readonly localId: number,
  ) {
    super(`${kind} ${localId} was not created in this batch`);
  }
}

/**
 * Replaces local (negative) ids with the ids WeCom assigned to this batch's own creates. An id from
 * any other batch is never used: a stale mapping could point at an unrelated department.
 */
export function resolveCall<C extends OutboxCall>(call: C, map: IdMap): C {
  const dept = (v: number): number => {
    if (v >= 0) return v;
    const id = map.department.get(v);
    if (id === undefined) throw new UnresolvedIdError('department', v);
    return id;
  };
  const tag = (v: number): number => {
    if (v >= 0) return v;
    const id = map.tag.get(v);
    if (id === undefined) throw new UnresolvedIdError('tag', v);
    return id;
  };
  const c = structuredClone(call) as OutboxCall;
  switch (c.kind) {
    case 'dept.create':
      c.parentId = dept(c.parentId);
      break;
    case 'dept.update':
      c.id = dept(c.id);
      if (c.parentId !== undefined) c.parentId = dept(c.parentId);
      break;
    case 'dept.delete':
      c.id = dept(c.id);
      break;
    case 'member.create':
    case 'member.update': {
      const f = c.fields;
      if (f.departments)
        f.departments = f.departments.map((l) => ({ ...l, departmentId: dept(l.departmentId) }));
      if (f.mainDepartment !== undefined) f.mainDepartment = dept(f.mainDepartment);
      break;
    }
    case 'tag.update':
    case 'tag.delete':
      c.tagid = tag(c.tagid);
      break;
    case 'tag.addMembers':
    case 'tag.removeMembers':
      c.tagid = tag(c.tagid);
      c.departmentIds = c.departmentIds.map(dept);
      break;
    case 'member.delete':
    case 'tag.create':
    case 'member.invite':
    case 'message.send':
    case 'message.recall':
    case 'media.upload':
      break;
  }
  return c as C;
}
