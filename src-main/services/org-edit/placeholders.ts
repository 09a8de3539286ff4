/**
 * Planned calls refer to departments and tags created in the same push by their local negative
 * ids; once the create has run, the id map turns them into WeCom's ids.
 */
export class UnresolvedIdError extends Error {
  constructor(
    readonly kind: 'department' | 'tag',
    readonly localId: number,
  ) {
    super(`${kind} ${localId} was not created`);
  }
}

export function resolveBody(
  api: string,
  body: Record<string, unknown>,
  map: { department: Map<number, number>; tag: Map<number, number> },
): Record<string, unknown> {
  const dept = (v: unknown): unknown => {
    if (typeof v !== 'number' || v >= 0) return v;
    const id = map.department.get(v);
    if (id === undefined) throw new UnresolvedIdError('department', v);
    return id;
  };
  const tag = (v: unknown): unknown => {
    if (typeof v !== 'number' || v >= 0) return v;
    const id = map.tag.get(v);
    if (id === undefined) throw new UnresolvedIdError('tag', v);
    return id;
  };
  const out: Record<string, unknown> = { ...body };
  if (api.startsWith('department/')) {
    if ('id' in out) out.id = dept(out.id);
    if ('parentid' in out) out.parentid = dept(out.parentid);
  }
  if (api.startsWith('user/')) {
    if (Array.isArray(out.department)) out.department = out.department.map(dept);
    if ('main_department' in out) out.main_department = dept(out.main_department);
  }
  if (api.startsWith('tag/')) {
    if ('tagid' in out) out.tagid = tag(out.tagid);
    if (Array.isArray(out.partylist)) out.partylist = out.partylist.map(dept);
  }
  return out;
}
