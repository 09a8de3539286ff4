import type { Result } from '../../src-main/contract';
import { observable } from './observable';
import type { ConnectionState, Transport } from './types';

/** What src-main/preload exposes on window.api (contextBridge). */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

export function createElectronTransport(preload: PreloadApi): Transport {
  // IPC to main cannot drop while the window lives.
  const connection = observable<ConnectionState>('connected');
  return {
    invoke: (method, input) => preload.invoke(method, input),
    subscribe: (eventName, listener) => preload.subscribe(eventName, listener),
    connection,
  };
}
