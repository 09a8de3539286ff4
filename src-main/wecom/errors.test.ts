import { describe, expect, it } from 'vitest';
import {
  WecomError,
  WecomNetworkError,
  isAlreadyExists,
  isNotFound,
  isUserMissing,
  withDetailsFallback,
} from './errors';

const wx = (errcode: number, path = 'x') => new WecomError(errcode, 'msg', path);

describe('WeCom facts for reconcile', () => {
  it('knows which refusals mean "already exists"', () => {
    expect(isAlreadyExists(wx(60008), 'department')).toBe(true);
    expect(isAlreadyExists(wx(60102), 'user')).toBe(true);
    expect(isAlreadyExists(wx(40071), 'tag')).toBe(true);
    // Another member holds the mobile / email: the create did not happen.
    expect(isAlreadyExists(wx(60104), 'user')).toBe(false);
    expect(isAlreadyExists(wx(60106), 'user')).toBe(false);
    expect(isAlreadyExists(wx(60106), 'department')).toBe(false);
    expect(isAlreadyExists(wx(60102), 'department')).toBe(false);
    expect(isAlreadyExists(new WecomNetworkError('tag/create', 'ETIMEDOUT'), 'tag')).toBe(false);
  });

  it('knows which refusals mean "not found"', () => {
    expect([60003, 60123].map((c) => isNotFound(wx(c), 'department'))).toEqual([true, true]);
    expect([60111, 40003].map((c) => isNotFound(wx(c), 'user'))).toEqual([true, true]);
    expect(isNotFound(wx(40068), 'tag')).toBe(true);
    expect(isNotFound(wx(60111), 'tag')).toBe(false);
    expect(isNotFound(wx(60004), 'department')).toBe(false);
    expect([60111, 40003, 46004, 60020].map((c) => isUserMissing(wx(c, 'user/get')))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isUserMissing(new Error('60111'))).toBe(false);
  });
});

describe('withDetailsFallback', () => {
  it('retries a 48009 refusal with the fallback and answers the credential that worked', async () => {
    const tried: string[] = [];
    const r = await withDetailsFallback('contacts', 'app', async (c) => {
      tried.push(c);
      if (c === 'contacts') throw wx(48009, 'department/list');
      return 42;
    });
    expect(r).toEqual({ value: 42, cred: 'app' });
    expect(tried).toEqual(['contacts', 'app']);
  });

  it('keeps the primary when it works, and rethrows other errors or 48009 without a fallback', async () => {
    await expect(withDetailsFallback('contacts', 'app', async () => 1)).resolves.toEqual({
      value: 1,
      cred: 'contacts',
    });
    const tried: string[] = [];
    await expect(
      withDetailsFallback('contacts', 'app', async (c) => {
        tried.push(c);
        throw wx(60020);
      }),
    ).rejects.toMatchObject({ errcode: 60020 });
    expect(tried).toEqual(['contacts']);
    await expect(
      withDetailsFallback('contacts', null, async () => {
        throw wx(48009);
      }),
    ).rejects.toMatchObject({ errcode: 48009 });
  });
});
