import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP, windowOptions } from './window-options';

describe('window options', () => {
  it('pins the renderer sandbox', () => {
    const w = windowOptions('/p/preload.cjs').webPreferences;
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      webSecurity: true,
      preload: '/p/preload.cjs',
    });
  });
  it('turns DevTools off when asked (the packaged build)', () => {
    expect(windowOptions('/p', { devTools: false }).webPreferences.devTools).toBe(false);
    expect(windowOptions('/p').webPreferences.devTools).toBe(true);
  });
  it('forbids network access from the renderer in production', () => {
    expect(PRODUCTION_CSP).toContain("connect-src 'none'");
    expect(PRODUCTION_CSP).not.toContain('unsafe-eval');
  });
});
