import type { ErrorCode } from '../../contract/errors';
import type { OutboxCall } from '../../contract/outbox';

/** What a sent call answered: the id WeCom assigned (creates) and the rest of its reply. */
export interface SendResult {
  remoteId: number | null;
  response: unknown;
}

/**
 * What reading WeCom says about a call whose outcome was not seen. `response`: what the check itself
 * learnt (a message re-sent under the duplicate check answers its msgid), kept with the row.
 */
export type Reconciled =
  | { applied: true; remoteId: number | null; note?: string; response?: Record<string, unknown> }
  | { applied: false };

/** A handler found, before calling WeCom, that the call cannot go (e.g. its attachment's media is gone). */
export class NotSentError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One feature's calls: how to send them and how to tell, by reading WeCom, whether one took effect.
 * Contacts today; notices, media, vault and meetings plug in with their own handler.
 */
export interface OutboxHandler<C extends OutboxCall = OutboxCall> {
  /** The API family whose queue and rate limits the calls run under. */
  readonly family: string;
  send(call: C): Promise<SendResult>;
  /** `attempt.sentAt`: when the row was last claimed, i.e. at or before its call went out. */
  reconcile(call: C, attempt?: { sentAt: string }): Promise<Reconciled>;
  /** A refusal that, for a call sent before, only says it already happened ("exists", "not found"). */
  meansApplied(call: C, e: unknown): boolean;
}

/** Hands out the handler for a corp's calls; refuses a corp that is not the current one. */
export type HandlerSource = (corpId: string, call: OutboxCall) => Promise<OutboxHandler>;
