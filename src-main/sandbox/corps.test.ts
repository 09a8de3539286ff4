import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, appSecret, getToken } from './testkit';

// Two sandboxes standing in for two corps: the demo corp and a "real" one.
let demo: RunningSandbox;
let real: RunningSandbox;
beforeAll(async () => {
  demo = await startSandbox({ members: 20 });
  real = await startSandbox({
    members: 30,
    seed: 7,
    corpId: 'ww0000000000000002',
    contactsSecret: 'real-contacts-secret-0002',
    appSecretPrefix: 'real-app-secret-',
  });
});
afterAll(async () => {
  await demo.close();
  await real.close();
});

describe('per-sandbox credentials', () => {
  it('defaults stay the fixed demo corp', () => {
    expect(demo.credentials.corpId).toBe('ww5a1d0e0c2b4f6a01');
    expect(demo.credentials.contactsSecret).toBe('sandbox-contacts-secret-0001');
    expect(appSecret(demo, 1000002)).toBe('sandbox-app-secret-1000002');
  });

  it('a second sandbox reports its own corp id and secrets', () => {
    expect(real.credentials.corpId).toBe('ww0000000000000002');
    expect(real.credentials.contactsSecret).toBe('real-contacts-secret-0002');
    expect(real.credentials.apps.map((a) => a.secret)).toEqual([
      'real-app-secret-1000002',
      'real-app-secret-1000003',
      'real-app-secret-1000004',
      'real-app-secret-1000005',
    ]);
    expect(real.state.users.size).toBe(30);
  });

  it('each corp issues tokens for its own credentials, and tokens work only on their own server', async () => {
    const demoToken = await getToken(demo);
    const realToken = await getToken(real);
    expect((await api(demo, 'department/simplelist', { token: demoToken })).json.errcode).toBe(0);
    expect((await api(real, 'department/simplelist', { token: realToken })).json.errcode).toBe(0);
    expect((await api(real, 'department/simplelist', { token: demoToken })).json.errcode).toBe(40014);
    expect((await api(demo, 'department/simplelist', { token: realToken })).json.errcode).toBe(40014);
    const realApp = await getToken(real, appSecret(real, 1000003));
    expect(
      (await api(real, 'user/simplelist', { token: realApp, query: { department_id: 1 } })).json.errcode,
    ).toBe(0);
  });

  it("gettoken refuses the other corp's corpid (40013) and secrets (40001)", async () => {
    const otherCorp = await api(real, 'gettoken', {
      query: { corpid: demo.credentials.corpId, corpsecret: real.credentials.contactsSecret },
    });
    expect(otherCorp.json.errcode).toBe(40013);
    const otherCorpOnDemo = await api(demo, 'gettoken', {
      query: { corpid: real.credentials.corpId, corpsecret: demo.credentials.contactsSecret },
    });
    expect(otherCorpOnDemo.json.errcode).toBe(40013);
    for (const secret of [demo.credentials.contactsSecret, appSecret(demo, 1000002)]) {
      const r = await api(real, 'gettoken', {
        query: { corpid: real.credentials.corpId, corpsecret: secret },
      });
      expect(r.json.errcode).toBe(40001);
    }
    for (const secret of [real.credentials.contactsSecret, appSecret(real, 1000002)]) {
      const r = await api(demo, 'gettoken', {
        query: { corpid: demo.credentials.corpId, corpsecret: secret },
      });
      expect(r.json.errcode).toBe(40001);
    }
  });

  it('app privacy rules follow the agentid, whatever the secret prefix', async () => {
    const stripped = await getToken(real, appSecret(real, 1000003));
    const full = await getToken(real, appSecret(real, 1000002));
    const userid = [...real.state.users.values()].find((u) => u.mobile)!.userid;
    const a = await api(real, 'user/get', { token: stripped, query: { userid } });
    const b = await api(real, 'user/get', { token: full, query: { userid } });
    expect(a.json.errcode).toBe(0);
    expect(b.json.errcode).toBe(0);
    expect(a.json).not.toHaveProperty('mobile');
    expect(b.json).toHaveProperty('mobile');
  });

  it('rejects empty overrides at start-up', async () => {
    await expect(startSandbox({ members: 5, corpId: '' })).rejects.toThrow();
    await expect(startSandbox({ members: 5, contactsSecret: '' })).rejects.toThrow();
  });
});
