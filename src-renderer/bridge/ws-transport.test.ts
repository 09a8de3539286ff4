import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from './create-api';
import type { WebSocketLike } from './ws-transport';
import { createWsTransport } from './ws-transport';

/** Stands in for the browser's WebSocket; the test plays the server. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.serverClose();
  }
  // server side
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverClose() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

const last = () => FakeSocket.all.at(-1)!;
const URL = 'ws://127.0.0.1:4000/ws?token=abc';

function setup() {
  const transport = createWsTransport({
    url: URL,
    createSocket: (u) => new FakeSocket(u),
    minDelayMs: 100,
    maxDelayMs: 1000,
    initialConnectTimeoutMs: 1000,
  });
  return { transport, api: createApi(transport) };
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ws transport', () => {
  it('connects to the given url and reports the connection state', () => {
    const { transport } = setup();
    expect(last().url).toBe(URL);
    expect(transport.connection.get()).toBe('connecting');
    last().open();
    expect(transport.connection.get()).toBe('connected');
  });

  it('sends calls as {t:"call"} and matches results by id, whatever the order', async () => {
    const { api } = setup();
    last().open();
    const a = api.call('org.getSyncState', {});
    const b = api.call('org.listMembers', { departmentId: 7 });
    const sent = last().sent as Array<{ t: string; id: number; method: string; input: unknown }>;
    expect(sent).toEqual([
      { t: 'call', id: sent[0]!.id, method: 'org.getSyncState', input: {} },
      { t: 'call', id: sent[1]!.id, method: 'org.listMembers', input: { departmentId: 7 } },
    ]);
    expect(sent[0]!.id).not.toBe(sent[1]!.id);
    last().reply({ t: 'result', id: sent[1]!.id, result: { ok: true, value: { members: [] } } });
    last().reply({ t: 'result', id: 999, result: { ok: true, value: 'stray' } });
    last().reply({
      t: 'result',
      id: sent[0]!.id,
      result: { ok: false, error: { code: 'INTERNAL', message: 'x', retryable: false, correlationId: 'c1' } },
    });
    expect(await b).toEqual({ ok: true, value: { members: [] } });
    expect(await a).toMatchObject({ ok: false, error: { code: 'INTERNAL', correlationId: 'c1' } });
  });

  it('holds calls made before the first connection opens', async () => {
    const { api } = setup();
    const pending = api.call('app.getStatus', {});
    await vi.advanceTimersByTimeAsync(10);
    last().open();
    await vi.advanceTimersByTimeAsync(0);
    const sent = last().sent as Array<{ id: number }>;
    expect(sent).toHaveLength(1);
    last().reply({
      t: 'result',
      id: sent[0]!.id,
      result: { ok: true, value: { mode: 'demo', online: true, version: '1', dataDir: '/d' } },
    });
    expect((await pending).ok).toBe(true);
  });

  it('delivers events to subscribers until they unsubscribe; ignores garbage', () => {
    const { api } = setup();
    last().open();
    const seen: unknown[] = [];
    const off = api.subscribe('job.progressed', (p) => seen.push(p));
    const payload = { jobId: 'j', kind: 'org.sync', phase: 'members', done: 1, total: 2 };
    last().reply({ t: 'event', name: 'job.progressed', payload });
    last().reply({ t: 'event', name: 'app.connectivityChanged', payload: { online: false } });
    last().onmessage?.({ data: 'not json' });
    off();
    last().reply({ t: 'event', name: 'job.progressed', payload });
    expect(seen).toEqual([payload]);
  });

  it('fails in-flight and new calls with NETWORK when disconnected, then reconnects with backoff', async () => {
    const { api, transport } = setup();
    const first = last();
    first.open();
    const inflight = api.call('org.getTree', {});
    first.serverClose();
    expect(await inflight).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(transport.connection.get()).toBe('disconnected');

    // Fail fast, no waiting.
    const r2 = await api.call('org.getTree', {});
    expect(!r2.ok && r2.error.code).toBe('NETWORK');
    expect(first.sent).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(99);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    // Second failure waits longer (doubling).
    last().serverClose();
    await vi.advanceTimersByTimeAsync(150);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(FakeSocket.all).toHaveLength(3);
    last().open();
    expect(transport.connection.get()).toBe('connected');
    const again = api.call('org.getTree', {});
    const sent = last().sent as Array<{ id: number }>;
    last().reply({ t: 'result', id: sent[0]!.id, result: { ok: true, value: { departments: [] } } });
    expect((await again).ok).toBe(true);
  });

  it('gives up waiting when the first connection fails', async () => {
    const { api } = setup();
    const pending = api.call('app.getStatus', {});
    last().serverClose();
    const r = await pending;
    expect(!r.ok && r.error.code).toBe('NETWORK');
    expect(!r.ok && r.error.details?.source).toBe('bridge');
  });

  it('close() stops reconnecting', async () => {
    const { transport } = setup();
    last().open();
    transport.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(transport.connection.get()).toBe('disconnected');
  });
});
