import { WecomError, WecomNetworkError } from '../../wecom/errors';

/**
 * How a failed send leaves its row. refused: WeCom answered no, nothing changed. unsent: the call
 * certainly did not reach WeCom (connection refused, rate limited) — safe to send again later.
 * unknown: it may have been applied (timeout, reset, lost reply, 5xx, errcode -1, or a local failure
 * after the call) — never re-sent blindly; WeCom is read to decide.
 */
export type SendOutcome = 'refused' | 'unsent' | 'unknown';

const NOT_APPLIED_NETWORK = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/;

export function outcomeOf(e: unknown): SendOutcome {
  if (e instanceof WecomError) {
    if (e.cls === 'rate' || e.cls === 'token' || e.errcode === 45033) return 'unsent';
    // -1 (system busy) and other transient answers give no guarantee the write did not happen.
    if (e.cls === 'transient') return 'unknown';
    return 'refused';
  }
  if (e instanceof WecomNetworkError) {
    const flagged = (e as { ambiguous?: boolean }).ambiguous;
    if (flagged === false) return 'unsent';
    if (flagged === undefined && NOT_APPLIED_NETWORK.test(e.message)) return 'unsent';
    return 'unknown';
  }
  return 'unknown';
}

/** A refusal that would fail every call the same way: stop the batch rather than fail each row. */
export function stopsTheBatch(e: unknown): boolean {
  return e instanceof WecomError && e.cls === 'config';
}
