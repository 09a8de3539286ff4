import { asInt, charLength } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import { ApiError } from '../errors';
import type { Tag } from '../types';

const MAX_TAG_USERS_PER_CALL = 1000;
const MAX_TAG_PARTIES_PER_CALL = 100;
const MAX_TAG_NODES = 30_000;

function tagIdFrom(v: unknown): number {
  if (v === undefined || v === null || v === '') throw new ApiError(41017);
  const id = asInt(v);
  if (id === undefined || id < 0) throw new ApiError(40068);
  return id;
}

function findTag(ctx: Ctx, v: unknown): Tag {
  const tag = ctx.state.tags.get(tagIdFrom(v));
  if (!tag) throw new ApiError(40068);
  return tag;
}

/**
 * Apps may only modify tags they created; the contacts-sync secret may also modify the tags of
 * the super-admin group, which is what seeded tags are (81011, API.md §2.3).
 */
function assertCanModify(ctx: Ctx, tag: Tag): void {
  const me = ctx.principal.kind === 'contacts' ? 'contacts' : ctx.principal.agentid;
  if (tag.owner !== me) throw new ApiError(81011);
}

function validateTagname(ctx: Ctx, v: unknown, selfId?: number): string {
  if (v === undefined || v === null) throw new ApiError(41018);
  if (typeof v !== 'string') throw new ApiError(40058);
  const len = charLength(v);
  if (len < 1 || len > 32) throw new ApiError(40072);
  for (const t of ctx.state.tags.values())
    if (t.tagname === v && t.tagid !== selfId) throw new ApiError(40071);
  return v;
}

export function tagList(ctx: Ctx): HandlerResult {
  const taglist = [...ctx.state.tags.values()]
    .sort((a, b) => a.tagid - b.tagid)
    .map((t) => ({ tagid: t.tagid, tagname: t.tagname }));
  return { taglist };
}

export function tagGet(ctx: Ctx): HandlerResult {
  const tag = findTag(ctx, ctx.query.get('tagid'));
  const userlist: { userid: string; name: string }[] = [];
  for (const k of tag.users) {
    const u = ctx.state.users.get(k);
    if (u) userlist.push({ userid: u.userid, name: u.name });
  }
  return { tagname: tag.tagname, userlist, partylist: [...tag.parties] };
}

export function tagCreate(ctx: Ctx): HandlerResult {
  const tagname = validateTagname(ctx, ctx.body.tagname);
  let tagid: number;
  if (ctx.body.tagid !== undefined && ctx.body.tagid !== null) {
    tagid = tagIdFrom(ctx.body.tagid);
    if (ctx.state.tags.has(tagid)) throw new ApiError(40068);
  } else {
    tagid = ctx.state.nextTagId();
  }
  const owner = ctx.principal.kind === 'contacts' ? 'contacts' : ctx.principal.agentid;
  ctx.state.tags.set(tagid, { tagid, tagname, owner, users: new Set(), parties: new Set() });
  return { errmsg: 'created', tagid };
}

export function tagUpdate(ctx: Ctx): HandlerResult {
  const tag = findTag(ctx, ctx.body.tagid);
  assertCanModify(ctx, tag);
  tag.tagname = validateTagname(ctx, ctx.body.tagname, tag.tagid);
  return { errmsg: 'updated' };
}

export function tagDelete(ctx: Ctx): HandlerResult {
  const tag = findTag(ctx, ctx.query.get('tagid'));
  assertCanModify(ctx, tag);
  ctx.state.tags.delete(tag.tagid);
  return { errmsg: 'deleted' };
}

/** userlist/partylist must be arrays (a `|`-string is 40035), not both empty, within per-call caps */
function readMembersBody(ctx: Ctx): { users: string[]; parties: unknown[] } {
  const { userlist, partylist } = ctx.body;
  const users = userlist === undefined || userlist === null ? [] : userlist;
  const parties = partylist === undefined || partylist === null ? [] : partylist;
  if (!Array.isArray(users) || !Array.isArray(parties)) throw new ApiError(40035);
  if (users.length === 0 && parties.length === 0) throw new ApiError(40035);
  if (users.length > MAX_TAG_USERS_PER_CALL || parties.length > MAX_TAG_PARTIES_PER_CALL)
    throw new ApiError(81014);
  return { users: users.map((u) => String(u)), parties };
}

function invalidFields(invalidUsers: string[], invalidParties: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // the two shapes really differ: users as a |-string, parties as an int array
  if (invalidUsers.length > 0) out.invalidlist = invalidUsers.join('|');
  if (invalidParties.length > 0) out.invalidparty = invalidParties;
  return out;
}

export function tagAddUsers(ctx: Ctx): HandlerResult {
  const tag = findTag(ctx, ctx.body.tagid);
  assertCanModify(ctx, tag);
  const { users, parties } = readMembersBody(ctx);
  const validUsers: string[] = [];
  const invalidUsers: string[] = [];
  for (const id of users) {
    const u = ctx.state.getUser(id);
    if (u) validUsers.push(u.userid.toLowerCase());
    else invalidUsers.push(id);
  }
  const validParties: number[] = [];
  const invalidParties: number[] = [];
  for (const p of parties) {
    const id = asInt(p);
    if (id !== undefined && ctx.state.departments.has(id)) validParties.push(id);
    else invalidParties.push(id ?? -1);
  }
  if (validUsers.length === 0 && validParties.length === 0) throw new ApiError(40070);
  const nodes = new Set([...tag.users, ...validUsers]).size + new Set([...tag.parties, ...validParties]).size;
  if (nodes > MAX_TAG_NODES) throw new ApiError(81003);
  for (const u of validUsers) tag.users.add(u);
  for (const p of validParties) tag.parties.add(p);
  return invalidFields(invalidUsers, invalidParties);
}

export function tagDelUsers(ctx: Ctx): HandlerResult {
  const tag = findTag(ctx, ctx.body.tagid);
  assertCanModify(ctx, tag);
  const { users, parties } = readMembersBody(ctx);
  // for deletion "invalid" means "not in this tag" (which includes unknown ids)
  const validUsers: string[] = [];
  const invalidUsers: string[] = [];
  for (const id of users) {
    if (tag.users.has(id.toLowerCase())) validUsers.push(id.toLowerCase());
    else invalidUsers.push(id);
  }
  const validParties: number[] = [];
  const invalidParties: number[] = [];
  for (const p of parties) {
    const id = asInt(p);
    if (id !== undefined && tag.parties.has(id)) validParties.push(id);
    else invalidParties.push(id ?? -1);
  }
  if (validUsers.length === 0 && validParties.length === 0) throw new ApiError(40031);
  for (const u of validUsers) tag.users.delete(u);
  for (const p of validParties) tag.parties.delete(p);
  return { errmsg: 'deleted', ...invalidFields(invalidUsers, invalidParties) };
}
