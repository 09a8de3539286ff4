import type { AppErrorShape, Result } from './types';

let seq = 0;

/**
 * Errors made in the renderer itself (the bridge is down, a call threw). They carry
 * details.source = 'bridge' so the UI can say "后台服务" instead of blaming WeCom.
 */
export function bridgeError(message: string, cause?: unknown): AppErrorShape {
  seq += 1;
  const details: Record<string, unknown> = { source: 'bridge' };
  if (cause !== undefined) details.cause = cause instanceof Error ? cause.message : String(cause);
  return { code: 'NETWORK', message, retryable: true, details, correlationId: `renderer-${seq}` };
}

export function networkFailure<T>(message: string, cause?: unknown): Result<T> {
  return { ok: false, error: bridgeError(message, cause) };
}

export function isBridgeError(error: Pick<AppErrorShape, 'details'>): boolean {
  return error.details?.source === 'bridge';
}
