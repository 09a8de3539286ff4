/**
 * The one place BrowserWindow options are decided. Pure data so a unit test can pin the security
 * settings without an Electron binary.
 */
export function secureWebPreferences(preloadPath: string, opts: { devTools?: boolean } = {}) {
  return {
    preload: preloadPath,
    /** Off in the packaged build: nobody at the hospital needs a console into the renderer. */
    devTools: opts.devTools ?? true,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

export function windowOptions(preloadPath: string, opts: { devTools?: boolean } = {}) {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '综合部助手',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences(preloadPath, opts),
  };
}

export const APP_HOST = 'renderer';
export const APP_ORIGIN = `app://${APP_HOST}`;

/**
 * Production CSP for a <meta> tag: the renderer talks only to main over IPC, never to the network
 * (no WebSocket, unlike the browser host). frame-ancestors is ignored in a meta tag, so it is only in
 * the header below.
 */
export const META_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Production CSP header, set on every app:// response. */
export const PRODUCTION_CSP = `${META_CSP}; frame-ancestors 'none'`;
