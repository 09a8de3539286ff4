import type { WecomHttp } from '../http-client';
import type { Credential } from '../token-provider';
import { arr, num, str } from './normalize';

/** WeCom's contacts write calls whose ids travel in the query string rather than a JSON body. */
const GET_APIS: Record<string, string> = {
  'department/delete': 'id',
  'user/delete': 'userid',
  'tag/delete': 'tagid',
};

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
  | 'tag/deltagusers';

/** Sends one planned contacts write; answers the id WeCom assigned for creates. */
export async function sendWrite(
  http: WecomHttp,
  cred: Credential,
  api: string,
  body: Record<string, unknown>,
): Promise<{ remoteId: number | null; response: Record<string, unknown> }> {
  const queryKey = GET_APIS[api];
  const r = queryKey
    ? await http.get(cred, api, { [queryKey]: String(body[queryKey]) }, 'contacts-write')
    : await http.post(cred, api, body, 'contacts-write');
  const remoteId =
    api === 'department/create' ? num(r.id, NaN) : api === 'tag/create' ? num(r.tagid, NaN) : NaN;
  const response: Record<string, unknown> = { errmsg: r.errmsg };
  if (r.invalidlist !== undefined) response.invalidlist = str(r.invalidlist);
  if (r.invalidparty !== undefined) response.invalidparty = arr(r.invalidparty);
  return { remoteId: Number.isFinite(remoteId) ? remoteId : null, response };
}

export interface InviteOutcome {
  invalidUsers: string[];
}

/** batch/invite: ≤1000 users per call (API.md §2.4); invalid ids come back as a string array. */
export async function invite(http: WecomHttp, cred: Credential, userids: string[]): Promise<InviteOutcome> {
  const r = await http.post(cred, 'batch/invite', { user: userids }, 'contacts-write');
  return { invalidUsers: arr(r.invaliduser).map(str) };
}
