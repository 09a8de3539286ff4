import { z } from 'zod';

/**
 * Every failure that crosses the contract carries one of these codes. The renderer maps each to
 * Chinese text with the fix (src-renderer/i18n/error-messages.zh-CN.ts); `message` is for logs.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NOT_CONFIGURED',
  'NETWORK',
  'CANCELLED',
  'JOB_RUNNING',
  'DB_TOO_NEW',
  /** The main database file is damaged; the app will not overwrite it. details.file names it. */
  'DB_CORRUPT',
  /** Another 综合部助手 process holds this data folder. details: pid, kind, startedAt, file. */
  'INSTANCE_RUNNING',
  'INTERNAL',
  'WECOM_CORPID_INVALID',
  'WECOM_SECRET_INVALID',
  'WECOM_IP_NOT_TRUSTED',
  'WECOM_API_FORBIDDEN',
  'WECOM_CONTACT_DETAILS_FORBIDDEN',
  'WECOM_RATE_LIMITED',
  'WECOM_TOKEN_INVALID',
  'WECOM_BUSY',
  'WECOM_REQUEST_REJECTED',
  /** The push found remote edits to what was changed locally; resolve them, then push again. */
  'CONFLICTS',
  /** A call in a push could not run because the department or tag it needs failed to be created. */
  'DEPENDENCY_FAILED',
  /** The cache does not hold the current corp yet: sync before editing or pushing. */
  'NOT_SYNCED',
  /** Another corp is being configured while the current one still has unpushed work. */
  'CORP_SWITCH_PENDING',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * One problem with an input, shown next to the field it is about. `message` is the Chinese for the
 * clerk. When the problem is one of WeCom's or the hospital's rules, `code` names it
 * (src-main/domain/issue-codes.ts) and `params` holds its parameters, e.g. {depth: 16, max: 15}.
 */
export const Issue = z.object({
  /** Dotted path of the field, e.g. "ops.2.fields.mobile"; "" for the input as a whole. */
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Issue = z.infer<typeof Issue>;

/** Free-form facts about a failure; INVALID_INPUT carries the per-field `issues`. */
export const AppErrorDetails = z.looseObject({ issues: z.array(Issue).optional() });
export type AppErrorDetails = z.infer<typeof AppErrorDetails>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  retryable: z.boolean(),
  details: AppErrorDetails.optional(),
  correlationId: z.string(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown inside main; dispatch turns it into the error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: AppErrorDetails | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; details?: AppErrorDetails; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.details = opts.details;
  }

  /** INVALID_INPUT with the per-field issues the renderer highlights (`details.issues`). */
  static invalid(message: string, issues: Issue[]): AppError {
    return new AppError('INVALID_INPUT', message, { details: { issues } });
  }
}
