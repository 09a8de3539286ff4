import { createHmac, randomBytes } from 'node:crypto';
import { checkMobileFormat } from '../../domain/member-rules';
import { asInt, asIntArray, asStringArray, byteLength, charLength } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import type { Principal } from '../credentials';
import { ApiError } from '../errors';
import type { SandboxState } from '../state';
import type { User } from '../types';

/** errcode text of 60110 says 20; the create doc says 100 — the stricter, documented errcode wins */
export const MAX_USER_DEPARTMENTS = 20;
const MAX_LIST_USERS = 10_000;
const MAX_BATCH_DELETE = 200;
const MAX_DIRECT_LEADERS = 5;
const USERID_RE = /^[0-9A-Za-z][0-9A-Za-z_\-@.]*$/;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const TELEPHONE_RE = /^[0-9+\-,]{1,32}$/;

/** member JSON as user/get and user/list return it; apps created after 2022-06-20 lose private fields */
export function userView(u: User, principal: Principal): Record<string, unknown> {
  const full: Record<string, unknown> = {
    userid: u.userid,
    name: u.name,
    department: u.department,
    order: u.order,
    position: u.position,
    mobile: u.mobile,
    gender: u.gender,
    email: u.email,
    ...(u.biz_mail ? { biz_mail: u.biz_mail } : {}),
    is_leader_in_dept: u.is_leader_in_dept,
    direct_leader: u.direct_leader,
    avatar: u.avatar,
    thumb_avatar: u.thumb_avatar,
    telephone: u.telephone,
    alias: u.alias,
    address: u.address,
    main_department: u.main_department,
    extattr: u.extattr,
    status: u.status,
    qr_code: u.qr_code,
    external_position: u.external_position,
  };
  if (principal.kind === 'app' && principal.stripSensitive) {
    for (const k of [
      'mobile',
      'gender',
      'email',
      'biz_mail',
      'avatar',
      'thumb_avatar',
      'qr_code',
      'address',
    ]) {
      delete full[k];
    }
  }
  return full;
}

// ---------------------------------------------------------------- reads

export function userGet(ctx: Ctx): HandlerResult {
  const userid = ctx.query.get('userid');
  if (!userid) throw new ApiError(41009);
  const u = ctx.state.getUser(userid);
  // the real 60111 body still carries the endpoint's arrays, empty
  if (!u) throw new ApiError(60111, { department: [], order: [], is_leader_in_dept: [] });
  return userView(u, ctx.principal);
}

function listMembers(ctx: Ctx): User[] {
  const raw = ctx.query.get('department_id');
  if (raw === null || raw.trim() === '') throw new ApiError(40058);
  const id = asInt(raw);
  if (id === undefined) throw new ApiError(40058);
  if (!ctx.state.departments.has(id)) throw new ApiError(60003);
  return ctx.state.membersOf(id, asInt(ctx.query.get('fetch_child')) === 1);
}

export function userSimplelist(ctx: Ctx): HandlerResult {
  return {
    userlist: listMembers(ctx).map((u) => ({ userid: u.userid, name: u.name, department: u.department })),
  };
}

export function userList(ctx: Ctx): HandlerResult {
  const members = listMembers(ctx);
  // large orgs: "user/list with fetch_child=1 → 45029, page by department" (API.md §2.2)
  if (members.length > MAX_LIST_USERS) throw new ApiError(45029);
  return { userlist: members.map((u) => userView(u, ctx.principal)) };
}

// user/list_id pages over a snapshot taken on the first call, so concurrent edits cannot make a
// page skip or repeat rows; the cursor is signed so a forged or stale one is rejected with 50100.
const cursorKey = randomBytes(16);
const snapshots = new Map<string, { userid: string; department: number }[]>();
const MAX_SNAPSHOTS = 32;

function signCursor(snap: string, offset: number): string {
  const payload = `${snap}.${offset}`;
  const sig = createHmac('sha256', cursorKey).update(payload).digest('base64url').slice(0, 16);
  return Buffer.from(`${payload}.${sig}`).toString('base64url');
}

function readCursor(cursor: string): { snap: string; offset: number } | undefined {
  const [snap, offsetText, sig] = Buffer.from(cursor, 'base64url').toString().split('.');
  if (!snap || !offsetText || !sig) return undefined;
  const offset = Number(offsetText);
  if (!Number.isInteger(offset) || offset < 0) return undefined;
  if (signCursor(snap, offset) !== cursor) return undefined;
  return { snap, offset };
}

export function userListId(ctx: Ctx): HandlerResult {
  const { body } = ctx;
  const limit = body.limit === undefined || body.limit === null ? MAX_LIST_USERS : asInt(body.limit);
  if (limit === undefined || limit < 1 || limit > MAX_LIST_USERS) throw new ApiError(40058);
  const cursor = body.cursor;
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') throw new ApiError(50100);

  let snap: string;
  let offset: number;
  if (!cursor) {
    snap = randomBytes(6).toString('hex');
    offset = 0;
    const rows: { userid: string; department: number }[] = [];
    for (const u of ctx.state.users.values())
      for (const d of u.department) rows.push({ userid: u.userid, department: d });
    snapshots.set(snap, rows);
    while (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value as string);
  } else {
    const parsed = readCursor(cursor);
    if (!parsed || !snapshots.has(parsed.snap)) throw new ApiError(50100);
    ({ snap, offset } = parsed);
  }
  const rows = snapshots.get(snap)!;
  const page = rows.slice(offset, offset + limit);
  const end = offset + page.length;
  return { next_cursor: end < rows.length ? signCursor(snap, end) : '', dept_user: page };
}

// ---------------------------------------------------------------- writes

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function optString(v: unknown): string | undefined {
  if (!present(v)) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new ApiError(40058);
  return v;
}

function isActivated(u: User): boolean {
  return u.status === 1 || (u.status === 2 && u.prevStatus === 1);
}

/** Validates a create/update body and returns the resulting member (not yet stored). */
function applyMemberBody(
  state: SandboxState,
  body: Record<string, unknown>,
  existing: User | undefined,
): User {
  const creating = existing === undefined;
  const next: User = existing
    ? {
        ...existing,
        department: [...existing.department],
        order: [...existing.order],
        is_leader_in_dept: [...existing.is_leader_in_dept],
      }
    : {
        userid: '',
        name: '',
        alias: '',
        mobile: '',
        email: '',
        biz_mail: '',
        department: [],
        order: [],
        is_leader_in_dept: [],
        main_department: 0,
        position: '',
        gender: '0',
        telephone: '',
        direct_leader: [],
        avatar: '',
        thumb_avatar: '',
        qr_code: '',
        address: '',
        external_position: '',
        extattr: { attrs: [] },
        status: 4,
      };

  if (creating) {
    const userid = optString(body.userid);
    if (!userid) throw new ApiError(41009);
    if (!USERID_RE.test(userid) || byteLength(userid) > 64) throw new ApiError(40003);
    if (state.getUser(userid)) throw new ApiError(60102);
    next.userid = userid;
    next.qr_code = `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc${randomBytes(8).toString('hex')}`;
  }

  const name = optString(body.name);
  if (creating || name !== undefined) {
    if (!name || charLength(name) > 64) throw new ApiError(60112);
    next.name = name;
  }

  // departments and the arrays that must line up with them
  if (present(body.department)) {
    const depts = asIntArray(body.department);
    if (!depts) throw new ApiError(41019);
    if (depts.length === 0) throw new ApiError(60127);
    const unique = [...new Set(depts)];
    if (unique.length > MAX_USER_DEPARTMENTS) throw new ApiError(60110);
    for (const d of unique) if (!state.departments.has(d)) throw new ApiError(60003);
    const prevDepts = next.department;
    const prevOrder = next.order;
    const prevLeader = next.is_leader_in_dept;
    next.department = unique;
    next.order = unique.map((d) => prevOrder[prevDepts.indexOf(d)] ?? 0);
    next.is_leader_in_dept = unique.map((d) => prevLeader[prevDepts.indexOf(d)] ?? 0);
  } else if (creating) {
    throw new ApiError(60127);
  }
  if (present(body.order)) {
    const order = asIntArray(body.order);
    if (!order) throw new ApiError(40058);
    if (order.length !== next.department.length) throw new ApiError(60132);
    next.order = order;
  }
  if (present(body.is_leader_in_dept)) {
    const leader = asIntArray(body.is_leader_in_dept);
    if (!leader || leader.some((x) => x !== 0 && x !== 1)) throw new ApiError(40058);
    if (leader.length !== next.department.length) throw new ApiError(60132);
    next.is_leader_in_dept = leader;
  }
  if (present(body.main_department)) {
    const main = asInt(body.main_department);
    if (main === undefined || !next.department.includes(main)) throw new ApiError(40058);
    next.main_department = main;
  } else if (!next.department.includes(next.main_department)) {
    next.main_department = next.department[0] ?? 0;
  }

  const mobile = optString(body.mobile);
  // "On update ignored (no error) if the member has already activated" (API.md §2.2)
  if (mobile !== undefined && !(existing && isActivated(existing))) {
    if (mobile !== '') {
      // The domain's mobile rule, so the sandbox refuses exactly what the form and main refuse.
      if (checkMobileFormat(mobile).length > 0) throw new ApiError(60103);
      const owner = state.mobileOwner(mobile);
      if (owner !== undefined && owner !== next.userid.toLowerCase()) throw new ApiError(60104);
    }
    next.mobile = mobile;
  }
  const email = optString(body.email);
  if (email !== undefined) {
    if (email !== '') {
      if (!EMAIL_RE.test(email) || byteLength(email) < 6 || byteLength(email) > 64) throw new ApiError(60105);
      const owner = state.emailOwner(email);
      if (owner !== undefined && owner !== next.userid.toLowerCase()) throw new ApiError(60106);
    }
    next.email = email;
  }
  if (!next.mobile && !next.email) throw new ApiError(60129);

  const position = optString(body.position);
  if (position !== undefined) {
    if (charLength(position) > 128) throw new ApiError(301012);
    next.position = position;
  }
  const telephone = optString(body.telephone);
  if (telephone !== undefined) {
    if (telephone !== '' && !TELEPHONE_RE.test(telephone)) throw new ApiError(301013);
    next.telephone = telephone;
  }
  const gender = optString(body.gender);
  if (gender !== undefined) {
    if (gender !== '0' && gender !== '1' && gender !== '2') throw new ApiError(40058);
    next.gender = gender;
  }
  const alias = optString(body.alias);
  if (alias !== undefined) {
    if (charLength(alias) > 64) throw new ApiError(40058);
    next.alias = alias;
  }
  const address = optString(body.address);
  if (address !== undefined) {
    if (charLength(address) > 128) throw new ApiError(40058);
    next.address = address;
  }
  const bizMail = optString(body.biz_mail);
  if (bizMail !== undefined) next.biz_mail = bizMail;
  const externalPosition = optString(body.external_position);
  if (externalPosition !== undefined) {
    if (charLength(externalPosition) > 12) throw new ApiError(40058);
    next.external_position = externalPosition;
  }
  if (present(body.extattr)) {
    const attrs = (body.extattr as { attrs?: unknown }).attrs;
    if (!Array.isArray(attrs)) throw new ApiError(40058);
    next.extattr = { attrs: attrs as User['extattr']['attrs'] };
  }
  if (present(body.direct_leader)) {
    const leaders = asStringArray(body.direct_leader);
    if (!leaders) throw new ApiError(40058);
    if (leaders.length > MAX_DIRECT_LEADERS) throw new ApiError(60257);
    next.direct_leader = leaders.map((l) => {
      const u = state.getUser(l);
      if (!u) throw new ApiError(60111);
      return u.userid;
    });
  }

  if (present(body.enable)) {
    const enable = asInt(body.enable);
    if (enable !== 0 && enable !== 1) throw new ApiError(40058);
    if (enable === 0 && next.status !== 2) {
      next.prevStatus = next.status;
      next.status = 2;
    } else if (enable === 1 && next.status === 2) {
      next.status = next.prevStatus ?? 4;
      delete next.prevStatus;
    }
  }
  return next;
}

function requireWritableUser(state: SandboxState, userid: string | null | undefined): User {
  if (!userid) throw new ApiError(41009);
  const u = state.getUser(userid);
  if (!u) throw new ApiError(60111);
  return u;
}

export function userCreate(ctx: Ctx): HandlerResult {
  const u = applyMemberBody(ctx.state, ctx.body, undefined);
  ctx.state.putUser(u);
  return { errmsg: 'created' };
}

export function userUpdate(ctx: Ctx): HandlerResult {
  const existing = requireWritableUser(ctx.state, optString(ctx.body.userid));
  ctx.state.putUser(applyMemberBody(ctx.state, ctx.body, existing));
  return { errmsg: 'updated' };
}

export function userDelete(ctx: Ctx): HandlerResult {
  const u = requireWritableUser(ctx.state, ctx.query.get('userid'));
  if (u.creator) throw new ApiError(301005);
  ctx.state.removeUser(u.userid);
  return { errmsg: 'deleted' };
}

export function userBatchdelete(ctx: Ctx): HandlerResult {
  const list = asStringArray(ctx.body.useridlist);
  if (!list) throw new ApiError(40058);
  if (list.length === 0 || list.length > MAX_BATCH_DELETE) throw new ApiError(40032);
  // all-or-nothing: validate every id before deleting any
  const users = list.map((id) => {
    const u = ctx.state.getUser(id);
    if (!u) throw new ApiError(40031, {}, 'invalid userid list');
    if (u.creator) throw new ApiError(301005);
    return u;
  });
  for (const u of users) ctx.state.removeUser(u.userid);
  return { errmsg: 'deleted' };
}
