import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, ProcOutput, Result } from '../../src-main/contract';
import { isBridgeError } from '../bridge/errors';
import type { Api, ConnectionState } from '../bridge/types';

export type AppStatus = ProcOutput<'app.getStatus'>;

/** Cross-cutting state of the shell: mode (demo/corp) and whether WeCom and the host are reachable. */
export interface AppState {
  status: AppStatus | null;
  statusError: AppErrorShape | null;
  bridge: ConnectionState;
  /** Whether WeCom answered last time we heard (status, events, call outcomes). */
  wecomOnline: boolean;

  refreshStatus(): Promise<void>;
  /** Fed with every call's outcome by the api wrapper (observeCalls). */
  noteCallResult(name: string, result: Result<unknown>): void;
  dispose(): void;
}

export type AppStore = StoreApi<AppState>;

/** Offline = the host link is down, or WeCom is unreachable. */
export function isOffline(state: Pick<AppState, 'bridge' | 'wecomOnline'>): boolean {
  return state.bridge !== 'connected' || !state.wecomOnline;
}

export function createAppStore(api: Api): AppStore {
  let unsubscribers: Array<() => void> = [];
  const store = createStore<AppState>()((set) => ({
    status: null,
    statusError: null,
    bridge: api.connection.get(),
    wecomOnline: true,

    async refreshStatus() {
      const res = await api.call('app.getStatus', {});
      if (res.ok) set({ status: res.value, statusError: null, wecomOnline: res.value.online });
      else set({ statusError: res.error });
    },

    noteCallResult(name, result) {
      if (result.ok) {
        // A successful connection test is first-hand evidence that WeCom is reachable.
        if (name === 'settings.testConnection') {
          const checks = (result.value as { checks?: Array<{ ok: boolean }> }).checks ?? [];
          if (checks.some((c) => c.ok)) set({ wecomOnline: true });
        }
        return;
      }
      // A bridge outage is shown through `bridge`; only WeCom's own NETWORK failures count here.
      if (result.error.code === 'NETWORK' && !isBridgeError(result.error)) set({ wecomOnline: false });
    },

    dispose() {
      for (const off of unsubscribers) off();
      unsubscribers = [];
    },
  }));

  unsubscribers = [
    api.connection.subscribe((bridge) => {
      store.setState({ bridge });
      // After a reconnect main may have changed mode or connectivity while we were away.
      if (bridge === 'connected') void store.getState().refreshStatus();
    }),
    api.subscribe('app.connectivityChanged', ({ online }) => store.setState({ wecomOnline: online })),
    api.subscribe('job.finished', (payload) => {
      if (payload.ok) store.setState({ wecomOnline: true });
      else if (payload.error?.code === 'NETWORK') store.setState({ wecomOnline: false });
    }),
  ];
  return store;
}
