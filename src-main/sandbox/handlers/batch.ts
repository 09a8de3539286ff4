import { asInt } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import { ApiError } from '../errors';
import type { User } from '../types';

const MAX_INVITE_USERS = 1000;
const MAX_INVITE_PARTIES = 100;
const MAX_INVITE_TAGS = 100;

function arrayField(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ApiError(40035);
  return v;
}

/** only members who have not joined yet (status 4) can be invited */
function invitable(u: User | undefined): u is User {
  return u !== undefined && u.status === 4;
}

export function batchInvite(ctx: Ctx): HandlerResult {
  const { state } = ctx;
  const users = arrayField(ctx.body.user);
  const parties = arrayField(ctx.body.party);
  const tags = arrayField(ctx.body.tag);
  if (users.length === 0 && parties.length === 0 && tags.length === 0) throw new ApiError(40035);
  if (
    users.length > MAX_INVITE_USERS ||
    parties.length > MAX_INVITE_PARTIES ||
    tags.length > MAX_INVITE_TAGS
  ) {
    throw new ApiError(40035);
  }

  const invited = new Map<string, User>();
  const inviteAll = (list: Iterable<User>): void => {
    for (const u of list) if (invitable(u)) invited.set(u.userid.toLowerCase(), u);
  };

  const invaliduser: string[] = [];
  for (const raw of users) {
    const id = String(raw);
    const u = state.getUser(id);
    // an unknown userid and an already-activated/disabled one are both reported invalid
    if (invitable(u)) invited.set(u.userid.toLowerCase(), u);
    else invaliduser.push(id);
  }
  const invalidparty: number[] = [];
  for (const raw of parties) {
    const id = asInt(raw);
    if (id === undefined || !state.departments.has(id)) invalidparty.push(id ?? -1);
    else inviteAll(state.membersOf(id, true));
  }
  const invalidtag: number[] = [];
  for (const raw of tags) {
    const id = asInt(raw);
    const tag = id === undefined ? undefined : state.tags.get(id);
    if (!tag) {
      invalidtag.push(id ?? -1);
      continue;
    }
    inviteAll([...tag.users].map((k) => state.users.get(k)).filter((u): u is User => u !== undefined));
    for (const p of tag.parties) if (state.departments.has(p)) inviteAll(state.membersOf(p, true));
  }

  for (const u of invited.values()) state.recordInvite(u.userid);
  return { invaliduser, invalidparty, invalidtag };
}
