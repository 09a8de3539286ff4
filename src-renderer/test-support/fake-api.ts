import type {
  AppErrorShape,
  ErrorCode,
  EventName,
  EventPayload,
  ProcInput,
  ProcOutput,
  ProcedureName,
  Result,
} from '../../src-main/contract';
import { observable } from '../bridge/observable';
import type { Api, ConnectionState } from '../bridge/types';

type Handler<P extends ProcedureName> = (
  input: ProcInput<P>,
) => Result<ProcOutput<P>> | Promise<Result<ProcOutput<P>>>;
export type FakeHandlers = { [P in ProcedureName]?: Handler<P> };

export interface FakeApi extends Api {
  calls: Array<{ name: ProcedureName; input: unknown }>;
  handlers: FakeHandlers;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  setConnection(state: ConnectionState): void;
  listenerCount(name: EventName): number;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function err(code: ErrorCode, details?: Record<string, unknown>): Result<never> {
  const error: AppErrorShape = { code, message: code, retryable: false, correlationId: 'test' };
  if (details) error.details = details;
  return { ok: false, error };
}

/** A contract-typed api for store tests: unhandled procedures answer NOT_FOUND. */
export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connection = observable<ConnectionState>('connected');
  const api: FakeApi = {
    calls: [],
    handlers,
    async call(name, input) {
      api.calls.push({ name, input });
      const handler = api.handlers[name] as Handler<typeof name> | undefined;
      if (!handler) return err('NOT_FOUND') as never;
      return (await handler(input)) as never;
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(name, payload) {
      for (const l of [...(listeners.get(name) ?? [])]) l(payload);
    },
    setConnection: (state) => connection.set(state),
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
    connection,
  };
  return api;
}

/** Lets pending promise chains run (store actions await several calls). */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
};
