import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../platform/node/paths';
import { OFFICIAL_API_BASE } from '../wecom/http-client';
import { electronApiBase, pinUserData } from './startup-config';

describe('WECOM_API_BASE in the desktop app', () => {
  it('defaults to the official https endpoint', () => {
    expect(electronApiBase({}, true)).toBe(OFFICIAL_API_BASE);
    expect(electronApiBase({ WECOM_API_BASE: 'https://proxy.example/' }, true)).toBe('https://proxy.example');
  });

  it('refuses plain http and garbage in the packaged app, with a Chinese message', () => {
    expect(() => electronApiBase({ WECOM_API_BASE: 'http://127.0.0.1:9000' }, true)).toThrow(/https:\/\//);
    expect(() => electronApiBase({ WECOM_API_BASE: 'http://127.0.0.1:9000' }, true)).toThrow(
      /[\u4e00-\u9fff]/,
    );
    expect(() => electronApiBase({ WECOM_API_BASE: 'not a url' }, true)).toThrow(/有效的网址/);
  });

  it('allows a local http sandbox in development builds', () => {
    expect(electronApiBase({ WECOM_API_BASE: 'http://127.0.0.1:9000/' }, false)).toBe(
      'http://127.0.0.1:9000',
    );
  });
});

describe('data folder', () => {
  it('pins Electron userData to the folder the CLI and browser host use', () => {
    const set: Array<[string, string]> = [];
    const env = { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' };
    const dir = pinUserData({ setPath: (n, p) => void set.push([n, p]) }, env, 'win32');
    expect(set).toEqual([['userData', dir]]);
    expect(dir).toBe(defaultDataDir(env, 'win32'));
    expect(dir).toMatch(/zhb-admin-desktop$/);
  });
});
