import type { Dispatch } from './dispatch';
import type { EventBus } from './event-bus';

/** The subset of Electron's IPC and frame types the adapter needs (injected; no electron import). */
export interface IpcMainLike {
  handle(channel: string, fn: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}
export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export const INVOKE_CHANNEL = 'zhb:invoke';
export const EVENT_CHANNEL = 'zhb:event';

/**
 * Accepts calls only from registered windows' top frames on the app:// origin; everything else
 * gets an INVALID_INPUT envelope and never reaches a handler.
 */
export function attachElectronAdapter(opts: {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  bus: EventBus;
  allowedOrigin: string;
}) {
  const windows = new Map<number, WebContentsLike>();
  const refuse = (why: string) => ({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: `refused: ${why}`,
      retryable: false,
      correlationId: 'sender-check',
    },
  });
  opts.ipcMain.handle(INVOKE_CHANNEL, async (event, method, input) => {
    if (!windows.has(event.sender.id)) return refuse('unregistered sender');
    const frame = event.senderFrame;
    if (!frame || frame.parent) return refuse('not the top frame');
    let origin: string;
    try {
      // URL.origin is "null" for custom schemes outside Electron, so build it from parts.
      const u = new URL(frame.url);
      origin = `${u.protocol}//${u.host}`;
    } catch {
      return refuse('bad frame url');
    }
    if (origin !== opts.allowedOrigin) return refuse('foreign origin');
    return opts.dispatch(String(method), input);
  });
  opts.bus.listen((name, payload) => {
    for (const w of windows.values()) if (!w.isDestroyed()) w.send(EVENT_CHANNEL, name, payload);
  });
  return {
    register(w: WebContentsLike) {
      windows.set(w.id, w);
      return () => windows.delete(w.id);
    },
  };
}
