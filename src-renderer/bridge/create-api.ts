import type { Result } from '../../src-main/contract';
import { networkFailure } from './errors';
import type { Api, Transport } from './types';

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}

/** Adds the contract's types over a transport and guarantees that call() never rejects. */
export function createApi(transport: Transport): Api {
  return {
    async call(name, input) {
      try {
        const result = await transport.invoke(name, input);
        if (!isResult(result)) return networkFailure(`malformed reply to ${name}`);
        return result as never;
      } catch (err) {
        return networkFailure(`transport failed for ${name}`, err);
      }
    },
    subscribe(eventName, listener) {
      return transport.subscribe(eventName, listener as (payload: unknown) => void);
    },
    connection: transport.connection,
  };
}

export type CallObserver = (name: string, result: Result<unknown>) => void;

/** Lets cross-cutting state (the offline indicator) see every call's outcome. */
export function observeCalls(api: Api, observer: CallObserver): Api {
  return {
    ...api,
    async call(name, input) {
      const result = await api.call(name, input);
      try {
        observer(name, result);
      } catch {
        // An observer bug must not break the call it watches.
      }
      return result;
    },
  };
}
