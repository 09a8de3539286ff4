import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus';
import { INVOKE_CHANNEL, attachElectronAdapter, type InvokeEventLike } from './electron-adapter';

function setup() {
  let handler: ((e: InvokeEventLike, ...a: unknown[]) => Promise<unknown>) | null = null;
  const calls: string[] = [];
  const bus = new EventBus();
  const adapter = attachElectronAdapter({
    ipcMain: { handle: (ch, fn) => ch === INVOKE_CHANNEL && (handler = fn) },
    dispatch: async (m) => {
      calls.push(m);
      return { ok: true, value: m };
    },
    bus,
    allowedOrigin: 'app://renderer',
  });
  const sent: unknown[][] = [];
  const wc = { id: 7, send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false };
  const invoke = (e: InvokeEventLike) => handler!(e, 'org.getTree', {});
  return { adapter, wc, invoke, calls, sent, bus };
}

const top = (url: string, id = 7): InvokeEventLike => ({
  sender: { id },
  senderFrame: { url, parent: null },
});

describe('electron adapter sender checks', () => {
  it('dispatches calls from a registered top frame on app://', async () => {
    const s = setup();
    s.adapter.register(s.wc);
    expect(await s.invoke(top('app://renderer/index.html'))).toEqual({ ok: true, value: 'org.getTree' });
  });
  it('refuses unregistered windows, subframes and foreign origins', async () => {
    const s = setup();
    expect(await s.invoke(top('app://renderer/'))).toMatchObject({ ok: false });
    s.adapter.register(s.wc);
    expect(
      await s.invoke({ sender: { id: 7 }, senderFrame: { url: 'app://renderer/', parent: {} } }),
    ).toMatchObject({ ok: false });
    expect(await s.invoke(top('https://evil.example/'))).toMatchObject({ ok: false });
    expect(s.calls).toEqual([]);
  });
  it('forwards bus events to registered windows', () => {
    const s = setup();
    s.adapter.register(s.wc);
    s.bus.emit('app.connectivityChanged', { online: false });
    expect(s.sent).toEqual([['zhb:event', 'app.connectivityChanged', { online: false }]]);
  });
});
