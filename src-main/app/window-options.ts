/**
 * The one place BrowserWindow options are decided. Pure data so a unit test can pin the security
 * settings without an Electron binary.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
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

export function windowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '综合部助手',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export const APP_ORIGIN = 'app://renderer';

/** Production CSP: the renderer talks only to main over IPC, never to the network. */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
