import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger';
import { WecomError, WecomNetworkError, isAmbiguous, toAppError } from './errors';
import { WecomHttp, type WecomHttpOptions } from './http-client';
import { wireServer } from './test/wire-server';

// H1: a write whose reply is lost must reach WeCom once; only outcomes that certainly did not
// apply are sent again.

const cred = { corpId: 'wwcorp', secret: 'the-secret-value-xyz', label: 'test' };
const token = (n = 1) => ({
  errcode: 0,
  errmsg: 'ok',
  access_token: `tok-${n}-${'a'.repeat(60)}`,
  expires_in: 7200,
});
const created = { errcode: 0, errmsg: 'created', id: 9 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

type Reply = Parameters<typeof wireServer>[0];

async function setup(reply: Reply, opts: Partial<WecomHttpOptions> = {}, port?: number) {
  const srv = await wireServer(reply, { port });
  closers.push(srv.close);
  const logger = createLogger();
  const http = new WecomHttp({
    baseURL: srv.url,
    logger,
    minRetryDelayMs: 5,
    rateLimitDelayMs: 5,
    timeoutMs: 300,
    ...opts,
  });
  const sent = (path: string) => srv.seen.filter((s) => s.path === `/cgi-bin/${path}`).length;
  return { srv, http, sent, logger };
}

/** Token first; every call to the API under test answers `answer`. */
const api = (answer: (n: number) => ReturnType<Reply>): Reply => {
  let n = 0;
  return (s) => (s.path.endsWith('gettoken') ? { body: token() } : answer(++n));
};

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('non-idempotent writes (contacts-write)', () => {
  const ambiguousCases: [string, ReturnType<Reply>][] = [
    ['times out', 'hang'],
    ['is reset after the request arrived', 'drop'],
    ['gets HTTP 502', { status: 502, body: 'bad gateway' }],
    ['gets errcode -1', { body: { errcode: -1, errmsg: 'system busy' } }],
    ['gets a garbled body', { body: '<html>' }],
  ];
  it.each(ambiguousCases)('a create that %s is sent once and throws ambiguous', async (_, answer) => {
    const { http, sent } = await setup(api(() => answer));
    const e = await fail(http.post(cred, 'department/create', { name: '药剂科', parentid: 1 }));
    expect(sent('department/create')).toBe(1);
    expect(e).toBeInstanceOf(WecomNetworkError);
    expect(isAmbiguous(e)).toBe(true);
    expect(toAppError(e).details).toMatchObject({ ambiguous: true, path: 'department/create' });
  });

  it('reports -1 on a write as WECOM_BUSY, not NETWORK (the network is up)', async () => {
    const { http } = await setup(api(() => ({ body: { errcode: -1, errmsg: 'system busy' } })));
    const e = await fail(http.post(cred, 'tag/create', { tagname: '党员' }));
    expect(e).toMatchObject({ ambiguous: true, errcode: -1 });
    expect(toAppError(e)).toMatchObject({ code: 'WECOM_BUSY', retryable: true });
  });

  it('treats a GET write (user/delete) the same: a lost reply is not re-sent', async () => {
    const { http, sent } = await setup(api(() => 'drop'));
    const e = await fail(http.get(cred, 'user/delete', { userid: 'zhangsan' }, 'contacts-write'));
    expect(sent('user/delete')).toBe(1);
    expect(isAmbiguous(e)).toBe(true);
  });

  it('re-sends a write that met ECONNREFUSED (nothing was sent) once the host is back', async () => {
    const first = await setup(
      api(() => ({ body: { errcode: 0, errmsg: 'ok', taglist: [] } })),
      {
        minRetryDelayMs: 40,
      },
    );
    const { http, logger } = first;
    await http.get(cred, 'tag/list'); // caches the token so the write itself meets the refusal
    const port = first.srv.port;
    await first.srv.close();
    await settle(); // let the client see its kept-alive socket close, or reusing it is a reset
    const write = http.post(cred, 'department/create', { name: '药剂科', parentid: 1 });
    await new Promise((r) => setTimeout(r, 2));
    const back = await wireServer(
      api(() => ({ body: created })),
      { port },
    );
    closers.push(back.close);
    await expect(write).resolves.toMatchObject({ errcode: 0, id: 9 });
    expect(back.seen.filter((s) => s.path === '/cgi-bin/department/create')).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/retrying department\/create .*ECONNREFUSED/);
  });

  it('flags a write that never got through a refused connection as not ambiguous', async () => {
    const { srv, http } = await setup(
      api(() => ({ body: created })),
      { retries: 1 },
    );
    await http.get(cred, 'tag/list').catch(() => null); // token cached
    await srv.close();
    await settle();
    const e = await fail(http.post(cred, 'user/create', { userid: 'a', name: 'A', department: [1] }));
    expect(e).toBeInstanceOf(WecomNetworkError);
    expect(e).toMatchObject({
      ambiguous: false,
      message: expect.stringContaining('ECONNREFUSED') as unknown,
    });
    expect(toAppError(e).code).toBe('NETWORK');
  });

  it('retries 45009 and 45033 on a write (WeCom refused it up front)', async () => {
    for (const errcode of [45009, 45033]) {
      const { http, sent } = await setup(
        api((n) => (n < 3 ? { body: { errcode, errmsg: 'limit' } } : { body: created })),
      );
      await expect(http.post(cred, 'department/create', { name: 'x', parentid: 1 })).resolves.toMatchObject({
        id: 9,
      });
      expect(sent('department/create')).toBe(3);
    }
  });

  it('re-issues a write rejected for its token, and retries a gettoken failure before sending', async () => {
    let tokens = 0;
    let gettokens = 0;
    const { http, sent } = await setup((s) => {
      if (s.path.endsWith('gettoken')) return ++gettokens === 1 ? 'drop' : { body: token(++tokens) };
      return s.query.get('access_token')?.startsWith('tok-1-')
        ? { body: { errcode: 42001, errmsg: 'access_token expired' } }
        : { body: created };
    });
    await expect(http.post(cred, 'department/create', { name: 'x', parentid: 1 })).resolves.toMatchObject({
      id: 9,
    });
    expect(gettokens).toBe(3);
    expect(sent('department/create')).toBe(2);
  });

  it('does not retry a definite refusal such as 60102 and keeps it a WecomError', async () => {
    const { http, sent } = await setup(api(() => ({ body: { errcode: 60102, errmsg: 'userid existed' } })));
    const e = await fail(http.post(cred, 'user/create', { userid: 'a' }));
    expect(sent('user/create')).toBe(1);
    expect(e).toBeInstanceOf(WecomError);
    expect(isAmbiguous(e)).toBe(false);
  });
});

describe('idempotency per call', () => {
  it('still retries reads after timeout, reset, 502 and -1', async () => {
    const answers: ReturnType<Reply>[] = [
      'hang',
      'drop',
      { status: 502, body: '' },
      { body: { errcode: -1, errmsg: 'busy' } },
    ];
    const { http, sent } = await setup(
      api((n) => answers[n - 1] ?? { body: { errcode: 0, errmsg: 'ok', taglist: [] } }),
      { retries: 4, timeoutMs: 100 },
    );
    await expect(http.get(cred, 'tag/list')).resolves.toMatchObject({ errcode: 0 });
    expect(sent('tag/list')).toBe(5);
  });

  it('lets a caller mark a call either way, overriding its family', async () => {
    let invites = 0;
    const { http, srv, sent } = await setup((s) => {
      if (s.path.endsWith('gettoken')) return { body: token() };
      if (s.path.endsWith('batch/invite'))
        return ++invites === 1 ? 'drop' : { body: { errcode: 0, errmsg: 'ok' } };
      return 'drop';
    });
    // Re-inviting is harmless, so an invite may opt back into retries.
    await http.post(cred, 'batch/invite', { user: ['a'] }, { family: 'contacts-write', idempotent: true });
    expect(sent('batch/invite')).toBe(2);

    const opts = { family: 'message', idempotent: false, query: { agentid: 7 } } as const;
    const e = await fail(http.post(cred, 'message/send', { touser: 'a' }, opts));
    expect(sent('message/send')).toBe(1);
    expect(isAmbiguous(e)).toBe(true);
    expect(srv.seen.find((s) => s.path.endsWith('message/send'))?.query.get('agentid')).toBe('7');
  });
});
