import type { ProcInput, ProcOutput, ProcedureName } from '../contract/procedures';

export interface CallContext {
  correlationId: string;
}

/** One handler per procedure; a missing one is a compile error. */
export type Handlers = {
  [P in ProcedureName]: (input: ProcInput<P>, ctx: CallContext) => Promise<ProcOutput<P>>;
};
