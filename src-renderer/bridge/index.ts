import { createApi } from './create-api';
import { createElectronTransport } from './electron-transport';
import { takeToken, wsUrlFor } from './token';
import type { Api } from './types';
import { createWsTransport } from './ws-transport';

export type { Api, ConnectionState, Observable } from './types';
export { createApi, observeCalls } from './create-api';
export { isBridgeError } from './errors';

let api: Api | null = null;

/**
 * One renderer build serves both hosts, so the transport is picked at run time: Electron's preload
 * puts `window.api` on the page; the browser host does not and speaks WebSocket instead.
 */
export function getApi(): Api {
  if (api) return api;
  if (window.api) {
    api = createApi(createElectronTransport(window.api));
  } else {
    const token = takeToken({
      location: window.location,
      history: window.history,
      storage: window.sessionStorage,
    });
    api = createApi(createWsTransport({ url: wsUrlFor(window.location.host, token) }));
  }
  return api;
}
