import { asInt, charLength } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import { ApiError } from '../errors';
import { ROOT_ID, type SandboxState } from '../state';
import type { Department } from '../types';

const MAX_DEPTH = 15;
const MAX_CHILD_NODES = 30_000;
const UINT32_MAX = 4_294_967_295;
const INT32_MAX = 2_147_483_647;
const FORBIDDEN_NAME_CHARS = /[\\:*?"<>|]/;

function view(state: SandboxState, d: Department): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    name_en: d.name_en,
    department_leader: state.leadersOf(d.id),
    parentid: d.parentid,
    order: d.order,
  };
}

/** optional ?id=: whole org when absent, else that subtree (root of the subtree included) */
function subtreeFromQuery(ctx: Ctx): Department[] {
  const raw = ctx.query.get('id');
  if (raw === null || raw.trim() === '') return ctx.state.subtree(ROOT_ID);
  const id = asInt(raw);
  if (id === undefined) throw new ApiError(40058);
  if (!ctx.state.departments.has(id)) throw new ApiError(60003);
  return ctx.state.subtree(id);
}

export function departmentList(ctx: Ctx): HandlerResult {
  return { department: subtreeFromQuery(ctx).map((d) => view(ctx.state, d)) };
}

export function departmentSimplelist(ctx: Ctx): HandlerResult {
  return {
    department_id: subtreeFromQuery(ctx).map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })),
  };
}

export function departmentGet(ctx: Ctx): HandlerResult {
  const raw = ctx.query.get('id');
  if (raw === null || raw.trim() === '') throw new ApiError(40058);
  const id = asInt(raw);
  // department/get reports unknown ids as 60123 (invalid party id) rather than list's 60003
  const d = id === undefined ? undefined : ctx.state.departments.get(id);
  if (!d) throw new ApiError(60123);
  return { department: view(ctx.state, d) };
}

function validateName(v: unknown, field: 'name' | 'name_en'): string {
  if (v === undefined || v === null || v === '') {
    if (field === 'name_en') return '';
    throw new ApiError(60001);
  }
  if (typeof v !== 'string') throw new ApiError(40058);
  const len = charLength(v);
  if (len < 1 || len > 64) throw new ApiError(60001);
  if (FORBIDDEN_NAME_CHARS.test(v)) throw new ApiError(60009);
  return v;
}

function validateOrder(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = asInt(v);
  if (n === undefined || n < 0 || n > UINT32_MAX) throw new ApiError(40058);
  return n;
}

function assertSiblingNameFree(state: SandboxState, parentid: number, name: string, selfId?: number): void {
  if (state.childrenOf(parentid).some((s) => s.name === name && s.id !== selfId)) throw new ApiError(60008);
}

export function departmentCreate(ctx: Ctx): HandlerResult {
  const { state, body } = ctx;
  const name = validateName(body.name, 'name');
  const name_en = validateName(body.name_en, 'name_en');
  if (body.parentid === undefined || body.parentid === null || body.parentid === '')
    throw new ApiError(40058);
  const parentid = asInt(body.parentid);
  if (parentid === undefined) throw new ApiError(40058);
  if (!state.departments.has(parentid)) throw new ApiError(60004);
  const order = validateOrder(body.order) ?? 0;

  let id: number;
  if (body.id !== undefined && body.id !== null) {
    const requested = asInt(body.id);
    if (requested === undefined || requested <= ROOT_ID || requested > INT32_MAX) throw new ApiError(60123);
    if (state.departments.has(requested)) throw new ApiError(60008);
    id = requested;
  } else {
    id = state.nextDepartmentId();
  }
  if (state.depthOf(parentid) + 1 > MAX_DEPTH) throw new ApiError(81002);
  if (state.childNodeCount(parentid) >= MAX_CHILD_NODES) throw new ApiError(81001);
  assertSiblingNameFree(state, parentid, name);

  state.putDepartment({ id, name, name_en, parentid, order });
  return { errmsg: 'created', id };
}

export function departmentUpdate(ctx: Ctx): HandlerResult {
  const { state, body } = ctx;
  const id = asInt(body.id);
  if (id === undefined) throw new ApiError(40058);
  const current = state.departments.get(id);
  if (!current) throw new ApiError(60003);
  const next: Department = { ...current };

  if (body.name !== undefined) next.name = validateName(body.name, 'name');
  if (body.name_en !== undefined) next.name_en = validateName(body.name_en, 'name_en');
  const order = validateOrder(body.order);
  if (order !== undefined) next.order = order;

  if (body.parentid !== undefined && body.parentid !== null) {
    const parentid = asInt(body.parentid);
    if (parentid === undefined) throw new ApiError(40058);
    if (id === ROOT_ID) {
      // the root cannot hang below anything: every other department is its descendant
      if (parentid !== 0) throw new ApiError(60010);
    } else if (parentid !== current.parentid) {
      if (!state.departments.has(parentid)) throw new ApiError(60004);
      if (state.isSelfOrDescendant(parentid, id)) throw new ApiError(60010);
      if (state.depthOf(parentid) + state.heightOf(id) > MAX_DEPTH) throw new ApiError(81002);
      if (state.childNodeCount(parentid) >= MAX_CHILD_NODES) throw new ApiError(81001);
      next.parentid = parentid;
    }
  }
  if (next.parentid !== 0 && (next.name !== current.name || next.parentid !== current.parentid)) {
    assertSiblingNameFree(state, next.parentid, next.name, id);
  }
  state.putDepartment(next);
  return { errmsg: 'updated' };
}

export function departmentDelete(ctx: Ctx): HandlerResult {
  const { state } = ctx;
  const id = asInt(ctx.query.get('id'));
  if (id === undefined) throw new ApiError(40058);
  if (id === ROOT_ID) throw new ApiError(60007);
  if (!state.departments.has(id)) throw new ApiError(60003);
  if (state.hasMembers(id)) throw new ApiError(60005);
  if (state.hasChildren(id)) throw new ApiError(60006);
  state.removeDepartment(id);
  return { errmsg: 'deleted' };
}
