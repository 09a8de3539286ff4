import { describe, expect, it } from 'vitest';
import {
  guardWebContents,
  installAppGuards,
  isAllowedExternal,
  type AppLike,
  type SessionLike,
  type WebContentsLike,
  type WindowOpenHandler,
} from './guards';

class FakeWebContents implements WebContentsLike {
  readonly listeners = new Map<string, (...a: unknown[]) => void>();
  openHandler: WindowOpenHandler | null = null;
  devToolsClosed = 0;
  on(event: string, listener: (...a: never[]) => void) {
    this.listeners.set(event, listener as (...a: unknown[]) => void);
    return this;
  }
  setWindowOpenHandler(h: WindowOpenHandler) {
    this.openHandler = h;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
  /** Fires an event the way Electron does; returns whether the default was prevented. */
  fire(event: string, ...extra: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url: extra[0] };
    this.listeners.get(event)!(e, ...extra);
    return prevented;
  }
}

function guarded(devTools = false) {
  const opened: string[] = [];
  const wc = new FakeWebContents();
  guardWebContents(wc, { openExternal: (u) => void opened.push(u), devTools });
  return { wc, opened };
}

describe('external link allowlist', () => {
  it.each([
    'https://work.weixin.qq.com/wework_admin/frame',
    'https://open.work.weixin.qq.com/api/doc/90000/90135/90664',
    'https://developer.work.weixin.qq.com/document/path/90196',
  ])('allows %s', (url) => expect(isAllowedExternal(url)).toBe(true));

  it.each([
    'http://open.work.weixin.qq.com/',
    'https://evil.example/',
    'https://work.weixin.qq.com.evil.example/',
    'https://evilwork.weixin.qq.com/',
    'https://qyapi.weixin.qq.com/cgi-bin/gettoken',
    'https://user:pw@open.work.weixin.qq.com/',
    'https://open.work.weixin.qq.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternal(url)).toBe(false));
});

describe('webContents guards', () => {
  it('denies every window.open and hands only allowed links to the OS browser', () => {
    const { wc, opened } = guarded();
    expect(wc.openHandler!({ url: 'https://open.work.weixin.qq.com/doc' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://open.work.weixin.qq.com/doc']);
  });

  it('blocks navigation of the page and its frames, and webview attachment', () => {
    const { wc, opened } = guarded();
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'https://work.weixin.qq.com/')).toBe(true);
    expect(wc.fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-attach-webview')).toBe(true);
    expect(opened).toEqual(['https://work.weixin.qq.com/']);
  });

  it('closes DevTools in the packaged build only', () => {
    const packaged = guarded(false).wc;
    packaged.fire('devtools-opened');
    expect(packaged.devToolsClosed).toBe(1);
    expect(guarded(true).wc.listeners.has('devtools-opened')).toBe(false);
  });
});

describe('app-wide guards', () => {
  it('guard every webContents created later and deny permission requests and checks', () => {
    let created: ((e: unknown, wc: WebContentsLike) => void) | null = null;
    const app: AppLike = { on: (_ev, l) => (created = l) };
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
    let check: ((...a: unknown[]) => boolean) | null = null;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    };
    installAppGuards({ app, session, openExternal: () => undefined, devTools: false });

    const wc = new FakeWebContents();
    created!({}, wc);
    expect(wc.openHandler).not.toBeNull();
    expect([...wc.listeners.keys()]).toEqual(
      expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-attach-webview']),
    );
    const answers: boolean[] = [];
    request!({}, 'media', (g) => answers.push(g));
    request!({}, 'notifications', (g) => answers.push(g));
    expect(answers).toEqual([false, false]);
    expect(check!({}, 'clipboard-read', 'app://renderer', {})).toBe(false);
  });
});
