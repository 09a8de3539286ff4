import { AppError, type AppErrorShape, type ErrorCode } from '../contract/errors';
import { redact } from '../platform/redact';

/**
 * The two failure types of a WeCom call, and what each promises to a caller that wrote something:
 *
 * - `WecomError`: WeCom answered with a definite, non-zero errcode and did NOT apply the call.
 *   A write that gets one may be marked failed.
 * - `WecomNetworkError`: there is no definite answer (refused, DNS, timeout, reset, 5xx, a garbled
 *   body, or errcode -1 "system busy" on a non-idempotent call). `ambiguous` says whether the call
 *   may nevertheless have been applied: it is true only for non-idempotent calls (see
 *   `CallOptions.idempotent` in http-client.ts) whose request may have reached WeCom. The outbox
 *   leaves such a row `sending` and reconciles it from WeCom's state; it must never re-send blindly.
 *   A non-ambiguous one (connection refused, DNS) certainly did not reach WeCom.
 */

export type ErrClass = 'transient' | 'rate' | 'token' | 'config' | 'request';

const transient = new Set([-1, 6000, 301022, 302005, 45033]);
const token = new Set([40014, 42001, 41001]);
const config = new Set([
  40001, 40013, 40091, 41002, 41004, 48001, 48002, 48006, 48009, 60020, 301002, 50003, 60011, 60021,
]);

export function classify(errcode: number): ErrClass {
  if (transient.has(errcode)) return 'transient';
  if (errcode === 45009) return 'rate';
  if (token.has(errcode)) return 'token';
  if (config.has(errcode)) return 'config';
  return 'request';
}

/** A definite non-zero errcode from WeCom, with credentials already stripped from the message. */
export class WecomError extends Error {
  readonly errcode: number;
  readonly path: string;
  readonly ip: string | null;
  readonly cls: ErrClass;
  constructor(errcode: number, errmsg: string, path: string) {
    const clean = redact(errmsg);
    super(`WeCom ${path} errcode ${errcode}: ${clean}`);
    this.name = 'WecomError';
    this.errcode = errcode;
    this.path = path;
    this.cls = classify(errcode);
    this.ip = /from ip: ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1] ?? null;
  }
}

export interface NetworkErrorOptions {
  /** The call may have been applied (non-idempotent call, request possibly delivered). */
  ambiguous?: boolean;
  /** Set when WeCom did answer, but with an errcode that leaves the outcome open (-1). */
  errcode?: number;
}

/** No definite answer from WeCom; see the module comment for `ambiguous`. */
export class WecomNetworkError extends Error {
  readonly path: string;
  readonly ambiguous: boolean;
  readonly errcode: number | null;
  constructor(path: string, reason: string, opts: NetworkErrorOptions = {}) {
    const what = opts.ambiguous ? 'outcome unknown' : 'network error';
    super(`${what} calling WeCom ${path}: ${redact(reason)}`);
    this.name = 'WecomNetworkError';
    this.path = path;
    this.ambiguous = opts.ambiguous ?? false;
    this.errcode = opts.errcode ?? null;
  }
}

/** True when a write may have been applied although no success reached us: reconcile, never re-send. */
export function isAmbiguous(e: unknown): e is WecomNetworkError {
  return e instanceof WecomNetworkError && e.ambiguous;
}

/**
 * WeCom facts for reconciling writes. Codes checked against shared/wecom/fixtures/errcodes.json and
 * errcodes.detailed.json (the official 90313 table) and API.md §2.1–2.3, §7.4.
 */
export type EntityKind = 'department' | 'user' | 'tag';

const alreadyExists: Record<EntityKind, readonly number[]> = {
  // 60008 部门已存在: "部门ID或者部门名称已存在" — the id OR a sibling's name; confirm by reading.
  // (60106 is 邮箱已存在, a member's email, not a department.)
  department: [60008],
  // 60102 UserID已存在. Not 60104 手机号码已存在 / 60106 邮箱已存在: there ANOTHER member holds the
  // mobile or email, so the create did not happen and must fail.
  user: [60102],
  // 40071 不合法的标签名字, solution "标签名字已经存在" (API.md §2.3 tag/create).
  tag: [40071],
};

const notFound: Record<EntityKind, readonly number[]> = {
  // 60003 部门ID不存在; 60123 无效的部门id ("部门不存在通讯录中"), used by some department APIs.
  department: [60003, 60123],
  // 60111 UserID不存在; 40003 无效的UserID, which 90313 also gives for members who left or were
  // deleted ("已离职或已删除成员，userid会从通讯录中移除").
  user: [60111, 40003],
  // 40068 不合法的标签/标签组ID: "指定的标签/标签组ID不存在".
  tag: [40068],
};

/** WeCom refused a create because the entity (or, for departments, its name) already exists. */
export function isAlreadyExists(e: unknown, kind: EntityKind): e is WecomError {
  return e instanceof WecomError && alreadyExists[kind].includes(e.errcode);
}

/** WeCom refused a call because the entity it names does not exist (e.g. a repeated delete). */
export function isNotFound(e: unknown, kind: EntityKind): e is WecomError {
  return e instanceof WecomError && notFound[kind].includes(e.errcode);
}

/** user/get answered "no such member" (60111, or 40003 for an id that left or was deleted). */
export function isUserMissing(e: unknown): e is WecomError {
  return isNotFound(e, 'user');
}

/**
 * Runs a detail read with the contacts secret and, when WeCom refuses details to it from this IP
 * (48009, the 2022-08-15 rule, API.md §1.2), once more with the app secret. Answers the credential
 * that worked so the caller keeps using it for the rest of its reads.
 */
export async function withDetailsFallback<C, T>(
  primary: C,
  fallback: C | null,
  fn: (cred: C) => Promise<T>,
): Promise<{ value: T; cred: C }> {
  try {
    return { value: await fn(primary), cred: primary };
  } catch (e) {
    if (!(e instanceof WecomError && e.errcode === 48009 && fallback)) throw e;
    return { value: await fn(fallback), cred: fallback };
  }
}

const codeByErrcode: Record<number, ErrorCode> = {
  40013: 'WECOM_CORPID_INVALID',
  41002: 'WECOM_CORPID_INVALID',
  40001: 'WECOM_SECRET_INVALID',
  40091: 'WECOM_SECRET_INVALID',
  41004: 'WECOM_SECRET_INVALID',
  60020: 'WECOM_IP_NOT_TRUSTED',
  48002: 'WECOM_API_FORBIDDEN',
  48001: 'WECOM_API_FORBIDDEN',
  48006: 'WECOM_API_FORBIDDEN',
  50003: 'WECOM_API_FORBIDDEN',
  48009: 'WECOM_CONTACT_DETAILS_FORBIDDEN',
  45009: 'WECOM_RATE_LIMITED',
  40014: 'WECOM_TOKEN_INVALID',
  42001: 'WECOM_TOKEN_INVALID',
  41001: 'WECOM_TOKEN_INVALID',
};

/**
 * The one mapping from any failure in main onto the contract's error codes (Chinese text lives in
 * the renderer). Dispatch and the job runner both go through `toErrorShape`, which calls this.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof WecomNetworkError) {
    const details: Record<string, unknown> = { path: e.path };
    if (e.ambiguous) details.ambiguous = true;
    // WeCom answered (-1): the network is fine, so this must not light the offline indicator.
    if (e.errcode !== null) {
      details.errcode = e.errcode;
      return new AppError('WECOM_BUSY', e.message, { retryable: true, details, cause: e });
    }
    return new AppError('NETWORK', e.message, { retryable: true, details, cause: e });
  }
  if (e instanceof WecomError) {
    const code: ErrorCode =
      codeByErrcode[e.errcode] ?? (e.cls === 'transient' ? 'WECOM_BUSY' : 'WECOM_REQUEST_REJECTED');
    const details: Record<string, unknown> = { errcode: e.errcode, path: e.path };
    if (e.ip) details.ip = e.ip;
    return new AppError(code, e.message, {
      retryable: e.cls === 'transient' || e.cls === 'rate',
      details,
      cause: e,
    });
  }
  return new AppError('INTERNAL', e instanceof Error ? redact(e.message) : 'unknown error', { cause: e });
}

/** The error envelope sent to the renderer (invoke results and job events), message redacted. */
export function toErrorShape(e: unknown, correlationId: string): AppErrorShape {
  const err = toAppError(e);
  return {
    code: err.code,
    message: redact(err.message),
    retryable: err.retryable,
    ...(err.details ? { details: err.details } : {}),
    correlationId,
  };
}
