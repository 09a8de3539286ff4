import { contextBridge, ipcRenderer, webUtils } from 'electron';

// Channel names duplicated from ipc/electron-adapter.ts on purpose: the sandboxed preload is bundled
// alone and must not pull main-process modules in.
const INVOKE_CHANNEL = 'zhb:invoke';
const EVENT_CHANNEL = 'zhb:event';

/** Exactly three functions reach the renderer; no ipcRenderer, no Node. */
contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  subscribe: (name: string, cb: (payload: unknown) => void) => {
    const listener = (_e: unknown, eventName: string, payload: unknown) => {
      if (eventName === name) cb(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
