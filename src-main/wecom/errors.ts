import { AppError, type AppErrorShape, type ErrorCode } from '../contract/errors';
import { redact } from '../platform/redact';

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

/** A non-zero errcode from WeCom, with credentials already stripped from the message. */
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

/** Network failure before any WeCom answer (refused, reset, timeout, DNS, non-200). */
export class WecomNetworkError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`network error calling WeCom ${path}: ${redact(reason)}`);
    this.name = 'WecomNetworkError';
    this.path = path;
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
  if (e instanceof WecomNetworkError)
    return new AppError('NETWORK', e.message, { retryable: true, cause: e });
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
