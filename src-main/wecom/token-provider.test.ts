import { describe, expect, it } from 'vitest';
import { TokenProvider } from './token-provider';

const cred = { corpId: 'ww1', secret: 'secret-abcdef', label: 't' };

describe('TokenProvider', () => {
  it('reuses a token until 5 minutes before expiry, then refreshes proactively', async () => {
    let now = 0;
    let n = 0;
    const p = new TokenProvider(
      async () => ({ token: `tok-${++n}`, expiresIn: 7200 }),
      () => now,
    );
    expect(await p.get(cred)).toBe('tok-1');
    now = (7200 - 301) * 1000;
    expect(await p.get(cred)).toBe('tok-1');
    now = (7200 - 299) * 1000;
    expect(await p.get(cred)).toBe('tok-2');
  });

  it('keeps one token per secret and one gettoken in flight per secret', async () => {
    let calls = 0;
    const p = new TokenProvider(async (c) => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return { token: `tok-${c.secret}`, expiresIn: 7200 };
    });
    const other = { ...cred, secret: 'another-secret' };
    const got = await Promise.all([p.get(cred), p.get(cred), p.get(other), p.get(cred)]);
    expect(got).toEqual([
      'tok-secret-abcdef',
      'tok-secret-abcdef',
      'tok-another-secret',
      'tok-secret-abcdef',
    ]);
    expect(calls).toBe(2);
  });

  it('drops a rejected token only if it is still the cached one', async () => {
    let n = 0;
    const p = new TokenProvider(async () => ({ token: `tok-${++n}`, expiresIn: 7200 }));
    const first = await p.get(cred);
    p.invalidate(cred, first);
    const second = await p.get(cred);
    expect(second).toBe('tok-2');
    p.invalidate(cred, first); // a late report about the old token must not drop the new one
    expect(await p.get(cred)).toBe('tok-2');
  });
});
