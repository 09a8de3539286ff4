import { describe, expect, it } from 'vitest';
import { observeCalls } from '../bridge/create-api';
import { bridgeError } from '../bridge/errors';
import { createFakeApi, err, flush, ok } from '../test-support/fake-api';
import { createAppStore, isOffline } from './app-store';

const status = { mode: 'demo' as const, online: true, version: '0.1.0', dataDir: '/tmp/d' };

describe('app store', () => {
  it('reads the mode and goes offline on connectivity events, WeCom NETWORK failures and bridge loss', async () => {
    const fake = createFakeApi({ 'app.getStatus': () => ok(status), 'org.startSync': () => err('NETWORK') });
    let store: ReturnType<typeof createAppStore> | null = null;
    const api = observeCalls(fake, (name, res) => store?.getState().noteCallResult(name, res));
    store = createAppStore(api);
    await store.getState().refreshStatus();
    expect(store.getState().status?.mode).toBe('demo');
    expect(isOffline(store.getState())).toBe(false);

    fake.emit('app.connectivityChanged', { online: false });
    expect(isOffline(store.getState())).toBe(true);
    fake.emit('app.connectivityChanged', { online: true });
    expect(isOffline(store.getState())).toBe(false);

    await api.call('org.startSync', {});
    expect(store.getState().wecomOnline).toBe(false);
    fake.emit('job.finished', { jobId: 'j', kind: 'org.sync', ok: true });
    expect(store.getState().wecomOnline).toBe(true);

    // The host link dropping is offline too, but not blamed on WeCom.
    store.getState().noteCallResult('org.getTree', { ok: false, error: bridgeError('closed') });
    expect(store.getState().wecomOnline).toBe(true);
    fake.setConnection('disconnected');
    expect(isOffline(store.getState())).toBe(true);
    fake.setConnection('connected');
    await flush();
    expect(isOffline(store.getState())).toBe(false);
    // Reconnecting refreshes the status.
    expect(fake.calls.filter((c) => c.name === 'app.getStatus')).toHaveLength(2);
  });
});
