/**
 * Navigation, window-open, webview, permission and DevTools guards for every webContents the app
 * ever creates. Electron is passed in as narrow interfaces so a unit test can drive them with fakes.
 */

/** WeCom's own pages: the admin console and its documentation. Nothing else leaves the app. */
const EXTERNAL_HOSTS = ['work.weixin.qq.com', 'open.work.weixin.qq.com'];
const EXTERNAL_SUFFIX = '.work.weixin.qq.com';

/** Whether a link may be handed to the OS browser: https on a WeCom host, no credentials or port. */
export function isAllowedExternal(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return EXTERNAL_HOSTS.includes(u.hostname) || u.hostname.endsWith(EXTERNAL_SUFFIX);
}

export interface PreventableEvent {
  preventDefault(): void;
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'deny' };

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (e: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: WindowOpenHandler): void;
  closeDevTools(): void;
}

export interface GuardDeps {
  /** shell.openExternal; only ever called with an allowed URL. */
  openExternal: (url: string) => Promise<void> | void;
  /** false in the packaged app: DevTools are closed as soon as something opens them. */
  devTools: boolean;
}

/**
 * The page is a single-page app loaded once by main: it never navigates itself, opens windows or
 * embeds webviews. A WeCom link the user clicks goes to the OS browser instead.
 */
export function guardWebContents(wc: WebContentsLike, deps: GuardDeps): void {
  const toBrowser = (url: string) => {
    if (isAllowedExternal(url)) void Promise.resolve(deps.openExternal(url)).catch(() => undefined);
  };
  wc.on('will-navigate', (e, url) => {
    e.preventDefault();
    toBrowser(url);
  });
  wc.on('will-frame-navigate', (e) => e.preventDefault());
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    toBrowser(url);
    return { action: 'deny' };
  });
  if (!deps.devTools) wc.on('devtools-opened', () => wc.closeDevTools());
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (e: unknown, wc: WebContentsLike) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/** Installs the catch-all before any window exists, so every webContents is guarded from birth. */
export function installAppGuards(deps: GuardDeps & { app: AppLike; session: SessionLike }): void {
  deps.app.on('web-contents-created', (_e, wc) => guardWebContents(wc, deps));
  deps.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
}
