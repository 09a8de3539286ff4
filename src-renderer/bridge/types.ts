import type {
  AppErrorShape,
  EventName,
  EventPayload,
  ProcInput,
  ProcOutput,
  ProcedureName,
  Result,
} from '../../src-main/contract';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** A tiny observable value; React reads it through useSyncExternalStore. */
export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/** What a transport moves: untyped envelopes. The typed surface is added by createApi. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(eventName: string, listener: (payload: unknown) => void): () => void;
  readonly connection: Observable<ConnectionState>;
}

/** The renderer's whole view of main. Calls never throw; they answer a Result. */
export interface Api {
  call<P extends ProcedureName>(name: P, input: ProcInput<P>): Promise<Result<ProcOutput<P>>>;
  subscribe<E extends EventName>(eventName: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly connection: Observable<ConnectionState>;
}

export type { AppErrorShape, Result };
