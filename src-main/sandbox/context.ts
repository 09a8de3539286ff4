import type { Principal } from './credentials';
import type { Faults } from './faults';
import type { Messaging } from './messaging';
import type { SandboxState } from './state';

/** Everything a handler may look at for one authenticated /cgi-bin call. */
export interface Ctx {
  state: SandboxState;
  faults: Faults;
  messaging: Messaging;
  principal: Principal;
  query: URLSearchParams;
  /** parsed JSON object for POST endpoints, {} for GET ones */
  body: Record<string, unknown>;
  /** the request body as text (message/send's duplicate check compares it) and as bytes (uploads) */
  rawBody: string;
  rawBuffer: Buffer;
  /** the body was longer than the server reads (an upload far over WeCom's limits) */
  bodyTruncated: boolean;
  contentType: string | undefined;
  rangeHeader: string | undefined;
  ip: string;
}

/** A non-JSON answer (media/get's bytes). */
export class RawReply {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: Buffer,
  ) {}
}

/** Extra response fields; `errmsg` overrides the default "ok" (created / updated / deleted). */
export type HandlerResult = { errmsg?: string } & Record<string, unknown>;

export type Handler = (ctx: Ctx) => HandlerResult | RawReply;
