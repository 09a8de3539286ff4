import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, appSecret, getToken, type Loose } from './testkit';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox();
  token = await getToken(sb);
});
afterEach(() => sb.faults.reset());
afterAll(() => sb.close());

async function control(path: string, body?: unknown): Promise<{ status: number; json: Loose }> {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}

describe('fault controls', () => {
  it('failNext answers the errcode count times, before any other check', async () => {
    sb.faults.failNext('user/list', -1, 2);
    const q = { department_id: 1 };
    const a = await api(sb, 'user/list', { token, query: q });
    expect(a.json.errcode).toBe(-1);
    expect(a.json.errmsg).toMatch(/^system busy, hint: \[\d{25}\], from ip: 127\.0\.0\.1/);
    // even without a token: the injected failure comes first
    expect((await api(sb, 'user/list', { query: q })).json.errcode).toBe(-1);
    expect((await api(sb, 'user/list', { token, query: q })).json.errcode).toBe(0);
    sb.faults.failNext('/cgi-bin/gettoken', 45009);
    expect((await api(sb, 'gettoken', { query: { corpid: 'x', corpsecret: 'y' } })).json.errcode).toBe(45009);
  });

  it('trusted IPs: 60020 with "from ip: 127.0.0.1" on business calls, gettoken still works', async () => {
    sb.faults.setTrustedIps(1000002, ['10.0.0.8']);
    const appToken = await getToken(sb, appSecret(sb, 1000002));
    const r = await api(sb, 'department/list', { token: appToken });
    expect(r.json.errcode).toBe(60020);
    expect(r.json.errmsg).toMatch(
      /^not allow to access from your ip, hint: \[\d{25}\], from ip: 127\.0\.0\.1, more info/,
    );
    // other secrets are unaffected
    expect((await api(sb, 'department/list', { token })).json.errcode).toBe(0);
    sb.faults.setTrustedIps('contacts', ['127.0.0.1']);
    expect((await api(sb, 'department/list', { token })).json.errcode).toBe(0);
    sb.faults.setTrustedIps(1000002, null);
    expect((await api(sb, 'department/list', { token: appToken })).json.errcode).toBe(0);
  });

  it('forbidContactDetails: contacts detail reads → 48009, ID reads and app reads still work', async () => {
    sb.faults.forbidContactDetails(true);
    for (const [path, query] of [
      ['user/get', { userid: [...sb.state.users.values()][0]!.userid }],
      ['user/list', { department_id: 1 }],
      ['department/list', {}],
    ] as const) {
      const r = await api(sb, path, { token, query });
      expect(r.json.errcode).toBe(48009);
      expect(r.json.errmsg).toMatch(/^api forbidden for contact assistant, hint/);
    }
    expect((await api(sb, 'department/simplelist', { token })).json.errcode).toBe(0);
    expect((await api(sb, 'user/list_id', { token, body: { limit: 5 } })).json.errcode).toBe(0);
    const app = await getToken(sb, appSecret(sb, 1000002));
    expect((await api(sb, 'user/list', { token: app, query: { department_id: 1 } })).json.errcode).toBe(0);
  });

  it('setLatency delays responses', async () => {
    sb.faults.setLatency(150);
    const t0 = Date.now();
    await api(sb, 'tag/list', { token });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('dropConnections destroys the socket without a response', async () => {
    sb.faults.dropConnections('tag/list', 1);
    await expect(api(sb, 'tag/list', { token })).rejects.toThrow();
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
    sb.faults.dropConnections(null, 1);
    await expect(api(sb, 'department/simplelist', { token })).rejects.toThrow();
  });

  it('setRateLimit caps each API per minute with 45009', async () => {
    sb.faults.setRateLimit(3);
    for (let i = 0; i < 3; i++) expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(45009);
    // per API: another endpoint has its own budget
    expect((await api(sb, 'department/simplelist', { token })).json.errcode).toBe(0);
    sb.faults.setRateLimit(null);
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
  });

  it('callCount counts calls per path', async () => {
    await api(sb, 'tag/list', { token });
    await api(sb, 'tag/list', { token });
    await api(sb, 'department/get', { token, query: { id: 1 } });
    expect(sb.faults.callCount('tag/list')).toBe(2);
    expect(sb.faults.callCount('/cgi-bin/department/get')).toBe(1);
    expect(sb.faults.callCount()).toMatchObject({ 'tag/list': 2, 'department/get': 1 });
  });

  it('rateLimits option enables WeCom-like per-minute caps', async () => {
    const local = await startSandbox({ members: 10, rateLimits: true });
    try {
      const t = await getToken(local);
      expect((await api(local, 'tag/list', { token: t })).json.errcode).toBe(0);
      local.faults.setRateLimit(1);
      expect((await api(local, 'tag/list', { token: t })).json.errcode).toBe(0);
      expect((await api(local, 'tag/list', { token: t })).json.errcode).toBe(45009);
    } finally {
      await local.close();
    }
  });
});

describe('HTTP control endpoint', () => {
  it('POST /__sandbox/faults drives the same operations', async () => {
    expect(
      await control('faults', { action: 'failNext', path: 'tag/list', errcode: 60020, count: 1 }),
    ).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(60020);
    expect((await control('faults', { action: 'callCount', path: 'tag/list' })).json).toEqual({
      ok: true,
      count: 1,
    });

    await control('faults', { action: 'forbidContactDetails', on: true });
    expect((await api(sb, 'department/list', { token })).json.errcode).toBe(48009);
    await control('faults', { action: 'forbidContactDetails', on: false });

    await control('faults', { action: 'setTrustedIps', target: 'contacts', ips: ['192.168.1.1'] });
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(60020);
    await control('faults', { action: 'setTrustedIps', target: 'contacts', ips: null });

    const bad = await control('faults', { action: 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.json.ok).toBe(false);
  });

  it('expireTokens over HTTP', async () => {
    const local = await startSandbox({ members: 5 });
    try {
      const t = await getToken(local);
      await fetch(`${local.url}/__sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ action: 'expireTokens' }),
      });
      expect((await api(local, 'tag/list', { token: t })).json.errcode).toBe(42001);
    } finally {
      await local.close();
    }
  });

  it('GET /__sandbox/state and POST /__sandbox/reset', async () => {
    const tagid = (await api(sb, 'tag/create', { token, body: { tagname: '重置前' } })).json.tagid;
    const pending = [...sb.state.users.values()].find((u) => u.status === 4)!;
    await api(sb, 'batch/invite', { token, body: { user: [pending.userid] } });
    const s = await control('state');
    expect(Object.keys(s.json).sort()).toEqual(['departments', 'invites', 'tags', 'users']);
    expect(s.json.users).toHaveLength(sb.state.users.size);
    expect(s.json.tags.find((t: Loose) => t.tagid === tagid).tagname).toBe('重置前');
    expect(s.json.invites).toEqual([{ userid: pending.userid, count: 1 }]);
    expect(s.json.departments[0]).toMatchObject({ id: 1, name: '新区医院' });

    expect((await control('reset', {})).json).toEqual({ ok: true });
    expect(sb.state.tags.has(tagid)).toBe(false);
    expect(sb.state.invites.size).toBe(0);
    expect(sb.state.users.size).toBe(866);
    // issued tokens survive a reset
    expect((await api(sb, 'tag/list', { token })).json.errcode).toBe(0);
  });
});
