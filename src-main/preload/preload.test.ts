import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/electron-adapter';

// The real 'electron' package would try to download its binary; the preload only needs these three.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
const on = vi.fn();
const removeListener = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
  webUtils: { getPathForFile: () => '/tmp/a.pdf' },
}));

describe('preload', () => {
  it('exposes exactly invoke, subscribe and pathForFile under window.api', async () => {
    await import('./index');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'pathForFile', 'subscribe']);

    await api.invoke!('org.getTree', {});
    // The preload repeats the channel names (it is bundled alone); they must agree with main's.
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'org.getTree', {});

    const seen: unknown[] = [];
    const off = api.subscribe!('job.progressed', (p: unknown) => seen.push(p)) as () => void;
    const listener = on.mock.calls[0]![1] as (e: unknown, name: string, payload: unknown) => void;
    listener({}, 'job.progressed', { done: 1 });
    listener({}, 'org.cacheChanged', { at: 'x' });
    expect(seen).toEqual([{ done: 1 }]);
    off();
    expect(on).toHaveBeenCalledWith(EVENT_CHANNEL, listener);
    expect(removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, listener);
    expect(api.pathForFile!({} as File)).toBe('/tmp/a.pdf');
  });
});
