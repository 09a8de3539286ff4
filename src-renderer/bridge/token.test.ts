import { describe, expect, it } from 'vitest';
import { takeToken, wsUrlFor } from './token';

function env(search: string, stored: Record<string, string> = {}) {
  const replaced: string[] = [];
  const storage = new Map(Object.entries(stored));
  return {
    replaced,
    storage,
    env: {
      location: { search, pathname: '/', hash: '#x' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
    },
  };
}

describe('takeToken', () => {
  it('reads the token once, keeps it for the tab and removes it from the address bar', () => {
    const e = env('?token=s3cret&lang=zh');
    expect(takeToken(e.env)).toBe('s3cret');
    expect(e.replaced).toEqual(['/?lang=zh#x']);
    expect([...e.storage.values()]).toEqual(['s3cret']);
  });

  it('falls back to the stored token after a reload', () => {
    const first = env('?token=abc');
    takeToken(first.env);
    const reload = env('', Object.fromEntries(first.storage));
    expect(takeToken(reload.env)).toBe('abc');
    expect(reload.replaced).toEqual([]);
  });

  it('builds the socket url on the page host', () => {
    expect(wsUrlFor('127.0.0.1:5123', 'a b')).toBe('ws://127.0.0.1:5123/ws?token=a%20b');
  });
});
