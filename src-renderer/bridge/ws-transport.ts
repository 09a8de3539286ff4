import type { Result } from '../../src-main/contract';
import { networkFailure } from './errors';
import { observable } from './observable';
import type { ConnectionState, Transport } from './types';
import { parseServerMessage, type WsCallMessage } from './ws-protocol';

/** The part of the DOM WebSocket we use; tests pass a fake class. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsTransportOptions {
  url: string;
  createSocket?: WebSocketFactory;
  /** Reconnect delays grow from minDelayMs, doubling up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Calls made before the first connection are held this long before failing. */
  initialConnectTimeoutMs?: number;
}

const OPEN = 1;

export interface WsTransport extends Transport {
  /** Stops reconnecting and fails everything in flight. */
  close(): void;
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const createSocket: WebSocketFactory =
    options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const initialTimeout = options.initialConnectTimeoutMs ?? 5_000;

  const connection = observable<ConnectionState>('connecting');
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Calls made while the very first connection is still opening wait for it: the app's start-up
  // queries should not fail just because they raced the handshake. Later, disconnected = fail fast.
  let waitingForFirstOpen: Array<() => void> = [];
  let everOpened = false;
  let socket: WebSocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closedByUser = false;

  function failAllPending(reason: string): void {
    const resolvers = [...pending.values()];
    pending.clear();
    for (const resolve of resolvers) resolve(networkFailure(reason));
  }

  function connect(): void {
    if (closedByUser) return;
    connection.set('connecting');
    let ws: WebSocketLike;
    try {
      ws = createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      everOpened = true;
      connection.set('connected');
      const waiters = waitingForFirstOpen;
      waitingForFirstOpen = [];
      for (const wake of waiters) wake();
    };
    ws.onmessage = (ev) => {
      if (socket !== ws) return;
      const msg = parseServerMessage(ev.data);
      if (!msg) return;
      if (msg.t === 'result') {
        const resolve = pending.get(msg.id);
        if (!resolve) return;
        pending.delete(msg.id);
        resolve(msg.result);
      } else {
        const set = listeners.get(msg.name);
        if (!set) return;
        for (const listener of [...set]) {
          try {
            listener(msg.payload);
          } catch (err) {
            console.error(`listener for ${msg.name} failed`, err);
          }
        }
      }
    };
    // onerror is always followed by onclose; reconnect is handled there once.
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAllPending('connection to the host closed');
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closedByUser) return;
    connection.set('disconnected');
    // An attempt failed: nobody should keep waiting for it.
    const waiters = waitingForFirstOpen;
    waitingForFirstOpen = [];
    for (const wake of waiters) wake();
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function send(method: string, input: unknown): Promise<Result<unknown>> {
    const ws = socket;
    if (!ws || ws.readyState !== OPEN) return Promise.resolve(networkFailure('not connected to the host'));
    const id = nextId++;
    const msg: WsCallMessage = { t: 'call', id, method, input };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        ws.send(JSON.stringify(msg));
      } catch (err) {
        pending.delete(id);
        resolve(networkFailure('send failed', err));
      }
    });
  }

  function waitForFirstOpen(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, initialTimeout);
      function done(): void {
        clearTimeout(timer);
        waitingForFirstOpen = waitingForFirstOpen.filter((w) => w !== done);
        resolve();
      }
      waitingForFirstOpen.push(done);
    });
  }

  connect();

  return {
    connection,
    async invoke(method, input) {
      if (!everOpened && connection.get() === 'connecting') await waitForFirstOpen();
      return send(method, input);
    },
    subscribe(eventName, listener) {
      let set = listeners.get(eventName);
      if (!set) {
        set = new Set();
        listeners.set(eventName, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closedByUser = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      ws?.close();
      failAllPending('transport closed');
      const waiters = waitingForFirstOpen;
      waitingForFirstOpen = [];
      for (const wake of waiters) wake();
      connection.set('disconnected');
    },
  };
}
