import type { ContactsCall, MemberCallFields } from '../../contract/outbox';
import { MEMBER_FIELD, MEMBER_FIELDS, TEXT_MEMBER_FIELDS } from '../../domain/member-fields';
import type { WecomHttp } from '../http-client';
import type { Credential } from '../token-provider';
import { arr, num, str } from './normalize';

/** WeCom's contacts write APIs (API.md §2.1–2.4). */
export type WriteApi =
  | 'department/create'
  | 'department/update'
  | 'department/delete'
  | 'user/create'
  | 'user/update'
  | 'user/delete'
  | 'tag/create'
  | 'tag/update'
  | 'tag/delete'
  | 'tag/addtagusers'
  | 'tag/deltagusers'
  | 'batch/invite';

export interface WireRequest {
  api: WriteApi;
  /** Deletes carry their id in the query string, everything else a JSON body. */
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

/** Which API a call kind uses: the outbox shows it, the audit log records it. */
export const API_OF: Record<ContactsCall['kind'], WriteApi> = {
  'dept.create': 'department/create',
  'dept.update': 'department/update',
  'dept.delete': 'department/delete',
  'member.create': 'user/create',
  'member.update': 'user/update',
  'member.delete': 'user/delete',
  'tag.create': 'tag/create',
  'tag.update': 'tag/update',
  'tag.delete': 'tag/delete',
  'tag.addMembers': 'tag/addtagusers',
  'tag.removeMembers': 'tag/deltagusers',
  'member.invite': 'batch/invite',
};

/** The user/create and user/update body keys for the fields a call sets, named by the field table. */
function memberWire(f: Partial<MemberCallFields>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of MEMBER_FIELDS) {
    const v = f[field];
    if (v === undefined) continue;
    const { wire, kind } = MEMBER_FIELD[field];
    if (kind === 'flag') body[wire] = v ? 1 : 0;
    else if (kind === 'links') {
      // department, order and is_leader_in_dept are positional lists: WeCom needs them together.
      const links = v as MemberCallFields['departments'];
      body[wire] = links.map((l) => l.departmentId);
      body.order = links.map((l) => l.order);
      body.is_leader_in_dept = links.map((l) => (l.isLeader ? 1 : 0));
    } else body[wire] = v;
  }
  return body;
}

/** The wire form of one domain call. Local (negative) ids must have been resolved before. */
export function wireOf(call: ContactsCall): WireRequest {
  const api = API_OF[call.kind];
  switch (call.kind) {
    case 'dept.create':
      return { api, body: { name: call.name, parentid: call.parentId, order: call.order } };
    case 'dept.update': {
      const body: Record<string, unknown> = { id: call.id };
      if (call.name !== undefined) body.name = call.name;
      if (call.parentId !== undefined) body.parentid = call.parentId;
      if (call.order !== undefined) body.order = call.order;
      return { api, body };
    }
    case 'dept.delete':
      return { api, query: { id: String(call.id) } };
    case 'member.create': {
      const f = call.fields;
      const body: Record<string, unknown> = { userid: call.userid, ...memberWire(f), to_invite: false };
      // Empty optional strings are omitted: WeCom validates e.g. an empty email as malformed.
      for (const k of TEXT_MEMBER_FIELDS) if (k !== 'name' && f[k] === '') delete body[MEMBER_FIELD[k].wire];
      if (f.gender === '0') delete body.gender;
      if (f.directLeader.length === 0) delete body.direct_leader;
      return { api, body };
    }
    case 'member.update':
      return { api, body: { userid: call.userid, ...memberWire(call.fields) } };
    case 'member.delete':
      return { api, query: { userid: call.userid } };
    case 'tag.create':
      return { api, body: { tagname: call.name } };
    case 'tag.update':
      return { api, body: { tagid: call.tagid, tagname: call.name } };
    case 'tag.delete':
      return { api, query: { tagid: String(call.tagid) } };
    case 'tag.addMembers':
    case 'tag.removeMembers':
      return { api, body: { tagid: call.tagid, userlist: call.userids, partylist: call.departmentIds } };
    case 'member.invite':
      return { api, body: { user: call.userids } };
  }
}

export interface WriteOutcome {
  /** The id WeCom assigned, for department and tag creates. */
  remoteId: number | null;
  /** What WeCom answered besides errcode, normalised (invalid lists are not always the same type). */
  response: Record<string, unknown>;
}

/** Sends one domain call. The transport never re-sends a write whose outcome is unknown. */
export async function sendContactsCall(
  http: WecomHttp,
  cred: Credential,
  call: ContactsCall,
): Promise<WriteOutcome> {
  const w = wireOf(call);
  const r = w.query
    ? await http.get(cred, w.api, w.query, 'contacts-write')
    : await http.post(cred, w.api, w.body ?? {}, 'contacts-write');
  const remoteId =
    call.kind === 'dept.create' ? num(r.id, NaN) : call.kind === 'tag.create' ? num(r.tagid, NaN) : NaN;
  const response: Record<string, unknown> = { errmsg: r.errmsg };
  if (r.invalidlist !== undefined) response.invalidlist = str(r.invalidlist);
  if (r.invalidparty !== undefined) response.invalidparty = arr(r.invalidparty);
  // batch/invite answers arrays here, unlike message/send (API.md §2.4, NOTES).
  if (r.invaliduser !== undefined) response.invaliduser = arr(r.invaliduser).map(str);
  return { remoteId: Number.isFinite(remoteId) ? remoteId : null, response };
}
