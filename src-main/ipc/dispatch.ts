import { randomUUID } from 'node:crypto';
import { AppError, type Result } from '../contract/errors';
import { procedures, type ProcedureName } from '../contract/procedures';
import { wireIssueFromSchema } from '../domain/schema-issues';
import type { Logger } from '../platform/logger';
import { toErrorShape } from '../wecom/errors';
import type { Handlers } from './router';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

const isProcedure = (m: string): m is ProcedureName => Object.prototype.hasOwnProperty.call(procedures, m);

/**
 * The trust boundary: every call from any transport is checked against the contract here and
 * answered with the result envelope. Nothing is thrown across.
 */
export function createDispatch(
  handlers: Handlers,
  logger: Logger,
  opts: { validateOutput?: boolean } = {},
): Dispatch {
  return async (method, input) => {
    const correlationId = randomUUID();
    try {
      if (typeof method !== 'string' || !isProcedure(method)) {
        throw new AppError('INVALID_INPUT', `unknown procedure ${String(method).slice(0, 80)}`);
      }
      const spec = procedures[method];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        // Field schemas carry issue codes; the clerk gets the catalogue's Chinese for them.
        throw AppError.invalid(`invalid input for ${method}`, parsed.error.issues.map(wireIssueFromSchema));
      }
      const handler = handlers[method] as (i: unknown, c: { correlationId: string }) => Promise<unknown>;
      const value = await handler(parsed.data, { correlationId });
      if (opts.validateOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (e) {
      // Every failure, WeCom's included, is mapped in one place so a direct handler's
      // WecomError reaches the clerk with its own code (IP, network…) rather than INTERNAL.
      const error = toErrorShape(e, correlationId);
      const log = error.code === 'INTERNAL' ? logger.error : logger.warn;
      log(
        `${String(method)} failed [${correlationId}] ${error.code}: ${error.message}`,
        e instanceof Error ? e.stack : undefined,
      );
      return { ok: false, error };
    }
  };
}
