import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger';
import { contactsRead } from './endpoints/contacts-read';
import { WecomError, WecomNetworkError, toAppError } from './errors';
import { WecomHttp } from './http-client';
import { wireServer } from './test/wire-server';

// Copied verbatim from ../shared/wecom/fixtures/doc-examples (the official doc examples).
const fixtures = join(__dirname, 'test', 'fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as unknown;

const cred = { corpId: 'wwcorp', secret: 'the-secret-value-xyz', label: 'test' };
const token = (n = 1) => ({
  errcode: 0,
  errmsg: 'ok',
  access_token: `tok-${n}-${'a'.repeat(60)}`,
  expires_in: 7200,
});

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function setup(
  reply: Parameters<typeof wireServer>[0],
  opts: Partial<ConstructorParameters<typeof WecomHttp>[0]> = {},
) {
  const srv = await wireServer(reply);
  close = srv.close;
  const logger = createLogger();
  const http = new WecomHttp({ baseURL: srv.url, logger, minRetryDelayMs: 5, ...opts });
  return { srv, http, logger };
}

describe('WecomHttp', () => {
  it('puts the token in the query string, caches it, and parses the real fixture shapes', async () => {
    const { srv, http } = await setup((s) =>
      s.path.endsWith('gettoken')
        ? { body: token() }
        : { body: fixture('cgi-bin_user_list.response.doc-example.v2020.json') },
    );
    const users = await contactsRead(http, cred).userList(2);
    await contactsRead(http, cred).userList(3);
    expect(users[0]).toMatchObject({
      userid: 'zhangsan',
      gender: '1',
      department: [1, 2],
      isLeaderInDept: [1, 0],
    });
    expect(srv.seen.filter((s) => s.path.endsWith('gettoken'))).toHaveLength(1);
    const call = srv.seen.find((s) => s.path === '/cgi-bin/user/list')!;
    expect(call.query.get('access_token')).toMatch(/^tok-1-/);
    expect(call.query.get('department_id')).toBe('2');
  });

  it('accepts success errmsg other than ok, errcode as a string and numbers as strings', async () => {
    const { http } = await setup((s) =>
      s.path.endsWith('gettoken')
        ? { body: token() }
        : s.path.endsWith('department/create')
          ? { body: fixture('cgi-bin_department_create.response.doc-example.json') }
          : {
              body: {
                errcode: '0',
                errmsg: '',
                department: [{ id: '7', name: '药剂科', parentid: '1', order: '3' }],
              },
            },
    );
    expect(await http.post(cred, 'department/create', { name: 'x', parentid: 1 })).toMatchObject({
      errcode: 0,
      id: 2,
    });
    expect(await contactsRead(http, cred).departmentList()).toEqual([
      { id: 7, name: '药剂科', nameEn: '', parentid: 1, order: 3, leaders: [] },
    ]);
  });

  it('refreshes the token once on 42001 / 40014 and then surfaces a second failure', async () => {
    let tokens = 0;
    const { srv, http } = await setup((s, n) => {
      if (s.path.endsWith('gettoken')) return { body: token(++tokens) };
      if (s.query.get('access_token')?.startsWith('tok-1-'))
        return { body: { errcode: 42001, errmsg: 'access_token expired' } };
      return n < 100 ? { body: { errcode: 0, errmsg: 'ok', taglist: [] } } : { body: {} };
    });
    // Five concurrent calls all see 42001; single-flight means exactly one new token.
    await Promise.all(Array.from({ length: 5 }, () => contactsRead(http, cred).tagList()));
    expect(srv.seen.filter((s) => s.path.endsWith('gettoken'))).toHaveLength(2);

    const { http: h2 } = await setup((s) =>
      s.path.endsWith('gettoken')
        ? { body: token() }
        : { body: { errcode: 40014, errmsg: 'invalid access_token' } },
    );
    await expect(contactsRead(h2, cred).tagList()).rejects.toMatchObject({ errcode: 40014 });
  });

  it('retries transient errors with backoff but never configuration errors', async () => {
    let calls = 0;
    const { http } = await setup((s) => {
      if (s.path.endsWith('gettoken')) return { body: token() };
      calls++;
      return calls < 3
        ? { body: { errcode: -1, errmsg: 'system busy' } }
        : { body: { errcode: 0, errmsg: 'ok', taglist: [] } };
    });
    await expect(contactsRead(http, cred).tagList()).resolves.toEqual([]);
    expect(calls).toBe(3);

    let cfgCalls = 0;
    const { http: h2 } = await setup((s) => {
      if (s.path.endsWith('gettoken')) return { body: token() };
      cfgCalls++;
      return {
        body: {
          errcode: 60020,
          errmsg: 'not allow to access from your ip, hint: [1], from ip: 10.1.2.3, more info at x',
        },
      };
    });
    const e = await contactsRead(h2, cred)
      .tagList()
      .catch((x: unknown) => x);
    expect(cfgCalls).toBe(1);
    expect(e).toBeInstanceOf(WecomError);
    expect(toAppError(e)).toMatchObject({
      code: 'WECOM_IP_NOT_TRUSTED',
      details: { ip: '10.1.2.3', errcode: 60020 },
    });
  });

  it('backs off and retries 45009 (rate limited), then surfaces it if it persists', async () => {
    let calls = 0;
    const { http } = await setup(
      (s) => {
        if (s.path.endsWith('gettoken')) return { body: token() };
        calls++;
        return calls < 3
          ? { body: { errcode: 45009, errmsg: 'api freq out of limit' } }
          : { body: { errcode: 0, errmsg: 'ok', taglist: [] } };
      },
      { rateLimitDelayMs: 20 },
    );
    const t0 = Date.now();
    await expect(contactsRead(http, cred).tagList()).resolves.toEqual([]);
    expect(calls).toBe(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(20 + 40);

    const { http: h2 } = await setup(
      (s) =>
        s.path.endsWith('gettoken')
          ? { body: token() }
          : { body: { errcode: 45009, errmsg: 'api freq out of limit' } },
      { rateLimitDelayMs: 5, retries: 2 },
    );
    const e = await contactsRead(h2, cred)
      .tagList()
      .catch((x: unknown) => x);
    expect(toAppError(e)).toMatchObject({ code: 'WECOM_RATE_LIMITED', retryable: true });
  });

  it('maps gettoken 40013 / 40001 to configuration errors without retrying', async () => {
    let n = 0;
    const { http } = await setup(() => {
      n++;
      return { body: { errcode: 40001, errmsg: 'invalid credential, hint: [x], from ip: 1.1.1.1' } };
    });
    const e = await contactsRead(http, cred)
      .tagList()
      .catch((x: unknown) => x);
    expect(n).toBe(1);
    expect(toAppError(e).code).toBe('WECOM_SECRET_INVALID');
  });

  it('treats dropped connections and 5xx as network errors and retries them', async () => {
    let calls = 0;
    const { http } = await setup((s) => {
      if (s.path.endsWith('gettoken')) return { body: token() };
      calls++;
      if (calls === 1) return 'drop';
      if (calls === 2) return { status: 502, body: 'bad gateway' };
      return { body: { errcode: 0, errmsg: 'ok', taglist: [{ tagid: '3', tagname: '党员' }] } };
    });
    expect(await contactsRead(http, cred).tagList()).toEqual([{ tagid: 3, tagname: '党员' }]);
    expect(calls).toBe(3);
  });

  it('gives up on a dead host with a NETWORK error and keeps secrets out of messages and logs', async () => {
    const { srv, http, logger } = await setup(() => ({ body: {} }), { retries: 1 });
    await srv.close();
    close = null;
    const e = await contactsRead(http, cred)
      .tagList()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WecomNetworkError);
    expect(toAppError(e).code).toBe('NETWORK');
    const all = `${(e as Error).message}\n${logger.lines.join('\n')}`;
    expect(all).not.toContain(cred.secret);
  });

  it('redacts the token and secret from WeCom error messages', async () => {
    const { http } = await setup((s) =>
      s.path.endsWith('gettoken')
        ? { body: token() }
        : {
            body: {
              errcode: 40058,
              errmsg: `bad param access_token=${s.query.get('access_token')} corpsecret=${cred.secret}`,
            },
          },
    );
    const e = (await contactsRead(http, cred)
      .tagList()
      .catch((x: unknown) => x)) as Error;
    expect(e.message).not.toMatch(/tok-1-|the-secret-value-xyz/);
  });

  it('rate-limits per family', async () => {
    const { srv, http } = await setup(
      (s) =>
        s.path.endsWith('gettoken') ? { body: token() } : { body: { errcode: 0, errmsg: 'ok', taglist: [] } },
      {
        limits: { 'contacts-read': { concurrency: 5, perMinute: 3 } },
      },
    );
    const started = Date.now();
    const results = await Promise.race([
      Promise.all(Array.from({ length: 4 }, () => contactsRead(http, cred).tagList())).then(() => 'all'),
      new Promise((r) => setTimeout(() => r('capped'), 400)),
    ]);
    expect(results).toBe('capped');
    expect(srv.seen.filter((s) => s.path.endsWith('tag/list'))).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });
});
