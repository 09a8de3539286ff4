import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, appSecret, ERRMSG_RE, getToken } from './testkit';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

describe('gettoken', () => {
  it('issues a long token valid for 7200 s and returns the same one while valid', async () => {
    const q = { corpid: sb.credentials.corpId, corpsecret: sb.credentials.contactsSecret };
    const a = await api(sb, 'gettoken', { query: q });
    expect(a.json).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(a.json.access_token.length).toBeGreaterThanOrEqual(64);
    const b = await api(sb, 'gettoken', { query: q });
    expect(b.json.access_token).toBe(a.json.access_token);
  });

  it('gives each secret its own token', async () => {
    const contacts = await getToken(sb);
    const app = await getToken(sb, appSecret(sb, 1000002));
    expect(app).not.toBe(contacts);
  });

  it('rejects a wrong corpid with 40013 and a wrong secret with 40001', async () => {
    const badCorp = await api(sb, 'gettoken', {
      query: { corpid: 'wwnope', corpsecret: sb.credentials.contactsSecret },
    });
    expect(badCorp.json.errcode).toBe(40013);
    expect(badCorp.json.errmsg).toMatch(ERRMSG_RE);
    const badSecret = await api(sb, 'gettoken', {
      query: { corpid: sb.credentials.corpId, corpsecret: 'nope' },
    });
    expect(badSecret.json.errcode).toBe(40001);
    expect(badSecret.json.errmsg).toMatch(/^invalid credential, hint: /);
  });

  it('reports missing corpid / corpsecret as 41002 / 41004', async () => {
    expect((await api(sb, 'gettoken', { query: { corpsecret: 'x' } })).json.errcode).toBe(41002);
    expect((await api(sb, 'gettoken', { query: { corpid: sb.credentials.corpId } })).json.errcode).toBe(
      41004,
    );
  });

  it('bans an IP with 45009 after too many wrong secrets, even for the right secret', async () => {
    const local = await startSandbox({ members: 10 });
    try {
      local.faults.setWrongSecretLimit(5);
      const wrong = { corpid: local.credentials.corpId, corpsecret: 'wrong' };
      for (let i = 0; i < 5; i++)
        expect((await api(local, 'gettoken', { query: wrong })).json.errcode).toBe(40001);
      const right = { corpid: local.credentials.corpId, corpsecret: local.credentials.contactsSecret };
      expect((await api(local, 'gettoken', { query: right })).json.errcode).toBe(45009);
    } finally {
      await local.close();
    }
  });
});

describe('access_token checks', () => {
  it('41001 when missing, 40014 when unknown', async () => {
    const missing = await api(sb, 'department/list');
    expect(missing.json.errcode).toBe(41001);
    expect(missing.json.errmsg).toMatch(/^access_token missing, hint: /);
    const unknown = await api(sb, 'department/list', { token: 'not-a-token' });
    expect(unknown.json.errcode).toBe(40014);
  });

  it('a token in the body does not count (41001)', async () => {
    const t = await getToken(sb);
    const r = await api(sb, 'user/list_id', { body: { access_token: t, limit: 10 } });
    expect(r.json.errcode).toBe(41001);
  });

  it('42001 after expireTokens, then gettoken hands out a fresh token', async () => {
    const local = await startSandbox({ members: 20 });
    try {
      const t = await getToken(local);
      expect((await api(local, 'department/list', { token: t })).json.errcode).toBe(0);
      local.faults.expireTokens();
      expect((await api(local, 'department/list', { token: t })).json.errcode).toBe(42001);
      const fresh = await getToken(local);
      expect(fresh).not.toBe(t);
      expect((await api(local, 'department/list', { token: fresh })).json.errcode).toBe(0);
      local.faults.invalidateTokens();
      expect((await api(local, 'department/list', { token: fresh })).json.errcode).toBe(40014);
    } finally {
      await local.close();
    }
  });
});
