import { randomInt } from 'node:crypto';

// Short English errmsg texts. Where a real capture exists (API.md §0, NOTES.md) the text is
// verbatim; the rest are plausible English renderings of the 90313 meanings. Clients must key
// on errcode only, so exact wording beyond the verified ones is not a contract.
const SHORT_MSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40031: 'all list invalid',
  40032: 'invalid userid list size',
  40033: 'invalid charset. please check your request, if include \\uxxxx will create fail!',
  40035: 'invalid parameter',
  40058: 'invalid Request Parameter',
  40063: 'some parameters are empty',
  40068: 'invalid tagid',
  40070: 'all list invalid ',
  40071: 'tagname exist',
  40072: 'invalid tagname',
  40091: 'secret is invalid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41009: 'missing userid',
  41017: 'missing tagid',
  41018: 'missing tagname',
  41019: 'missing department',
  42001: 'access_token expired',
  45009: 'api freq out of limit',
  45029: 'response size exceeds limit',
  45033: 'api concurrent out of limit',
  48002: 'api forbidden',
  48009: 'api forbidden for contact assistant',
  50100: 'invalid cursor',
  60001: 'invalid department name length',
  60003: 'department not found',
  60004: 'parent department not found',
  60005: 'department contains user',
  60006: 'department contains sub-department',
  60007: 'not allow to delete root department',
  60008: 'department existed',
  60009: 'department name contains invalid character',
  60010: 'department has circular relation',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60102: 'userid existed',
  60103: 'mobile invalid',
  60104: 'mobile existed',
  60105: 'email invalid',
  60106: 'email existed',
  60110: 'user department size exceeds limit',
  60111: 'userid not found',
  60112: 'invalid username',
  60123: 'invalid party id',
  60124: 'invalid parent party id',
  60127: 'missing department',
  60129: 'mobile and email can not be both empty',
  60132: 'is_leader_in_dept size not match department size',
  60257: 'direct_leader size exceeds limit',
  81001: 'department child node count exceeds limit',
  81002: 'department level exceeds limit',
  81003: 'tag node count exceeds limit',
  81011: 'no privilege to operate tag',
  81014: 'too many users or parties in one tag request',
  301005: 'not allow to delete corp creator',
  301012: 'invalid position',
  301013: 'invalid telephone',
};

export function shortMessage(errcode: number): string {
  return SHORT_MSG[errcode] ?? `sandbox error ${errcode}`;
}

/** A business error; handlers throw it and the server turns it into the WeCom envelope. */
export class ApiError extends Error {
  constructor(
    readonly errcode: number,
    /** endpoint fields that still appear on the error body (e.g. user/get's empty arrays) */
    readonly extra: Record<string, unknown> = {},
    short?: string,
  ) {
    super(short ?? shortMessage(errcode));
  }
}

/**
 * 25-digit hint like the 2023 captures: a millisecond timestamp followed by random digits,
 * so hints are unique per response and roughly sortable, as the real ones appear to be.
 */
export function hint(): string {
  let tail = '';
  while (tail.length < 12) tail += String(randomInt(0, 10));
  return `${Date.now()}${tail}`.padEnd(25, '0').slice(0, 25);
}

export function formatErrmsg(errcode: number, ip: string, short = shortMessage(errcode)): string {
  return `${short}, hint: [${hint()}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}
