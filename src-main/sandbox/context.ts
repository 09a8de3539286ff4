import type { Principal } from './credentials';
import type { Faults } from './faults';
import type { SandboxState } from './state';

/** Everything a handler may look at for one authenticated /cgi-bin call. */
export interface Ctx {
  state: SandboxState;
  faults: Faults;
  principal: Principal;
  query: URLSearchParams;
  /** parsed JSON object for POST endpoints, {} for GET ones */
  body: Record<string, unknown>;
  ip: string;
}

/** Extra response fields; `errmsg` overrides the default "ok" (created / updated / deleted). */
export type HandlerResult = { errmsg?: string } & Record<string, unknown>;

export type Handler = (ctx: Ctx) => HandlerResult;
