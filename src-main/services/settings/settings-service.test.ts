import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = async (name: string, input: unknown = {}) => h!.services.dispatch(name, input);

describe('settings service', () => {
  it('starts in demo mode and switches to a saved corp', async () => {
    h = await servicesHarness();
    expect(await call('app.getStatus')).toMatchObject({ ok: true, value: { mode: 'demo' } });
    const c = h.sandbox.credentials;
    const saved = await call('settings.saveProfile', {
      corpId: c.corpId,
      contactsSecret: c.contactsSecret,
      apps: [{ name: '新区医院小助手', purpose: '小助手', agentid: 1000002, secret: c.apps[0]!.secret }],
    });
    expect(saved).toMatchObject({ ok: true, value: { mode: 'corp', contactsSecretSet: true } });
    const test = await call('settings.testConnection');
    expect(test).toMatchObject({ ok: true, value: { checks: [{ ok: true }, { ok: true }] } });
  });

  it('never writes secrets to SQLite, the logs or the answers', async () => {
    h = await servicesHarness();
    const secret = 'my-very-private-contacts-secret-77';
    await call('settings.saveProfile', {
      corpId: h.sandbox.credentials.corpId,
      contactsSecret: secret,
      apps: [],
    });
    await call('settings.testConnection');
    const profile = await call('settings.getProfile');
    expect(JSON.stringify(profile)).not.toContain(secret);
    // Read the database files (main file and WAL) while open: a secret would be there in clear.
    const dbFiles = readdirSync(h.dataDir).filter((f) => f.startsWith('zhb.sqlite'));
    expect(dbFiles).toContain('zhb.sqlite');
    expect(dbFiles.filter((f) => readFileSync(join(h!.dataDir, f)).includes(secret))).toEqual([]);
    expect(h.logger.lines.join('\n')).not.toContain(secret);
  });

  it('refuses to save apps without secrets and keeps kept secrets on re-save', async () => {
    h = await servicesHarness();
    const c = h.sandbox.credentials;
    const r = await call('settings.saveProfile', {
      corpId: c.corpId,
      contactsSecret: c.contactsSecret,
      apps: [{ name: '学科公告', purpose: '学科公告', agentid: 1000003 }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'apps.0.secret' }] } },
    });
    await call('settings.saveProfile', { corpId: c.corpId, contactsSecret: c.contactsSecret, apps: [] });
    expect(await call('settings.saveProfile', { corpId: c.corpId, apps: [] })).toMatchObject({
      ok: true,
      value: { contactsSecretSet: true },
    });
    // A new corp ID makes the old secret meaningless: it must be given again.
    expect(await call('settings.saveProfile', { corpId: 'wwother', apps: [] })).toMatchObject({ ok: false });
  });

  it('reports each configuration error with its code: 40013, 40001, 60020 (with IP), 48002, 48009, network', async () => {
    h = await servicesHarness();
    const c = h.sandbox.credentials;
    const checks = async () => {
      const r = await call('settings.testConnection');
      if (!r.ok) throw new Error(r.error.code);
      return (
        r.value as {
          checks: Array<{ target: string; code: string | null; errcode: number | null; ip: string | null }>;
        }
      ).checks;
    };
    await call('settings.saveProfile', { corpId: 'wwwrongcorp', contactsSecret: c.contactsSecret, apps: [] });
    expect((await checks())[0]).toMatchObject({ code: 'WECOM_CORPID_INVALID', errcode: 40013 });

    await call('settings.saveProfile', { corpId: c.corpId, contactsSecret: 'wrong-secret-000', apps: [] });
    expect((await checks())[0]).toMatchObject({ code: 'WECOM_SECRET_INVALID', errcode: 40001 });

    await call('settings.saveProfile', { corpId: c.corpId, contactsSecret: c.contactsSecret, apps: [] });
    h.sandbox.faults.setTrustedIps('contacts', ['10.0.0.9']);
    expect((await checks())[0]).toMatchObject({
      code: 'WECOM_IP_NOT_TRUSTED',
      errcode: 60020,
      ip: '127.0.0.1',
    });
    h.sandbox.faults.setTrustedIps('contacts', null);

    h.sandbox.faults.forbidContactDetails(true);
    expect((await checks())[0]).toMatchObject({ code: 'WECOM_CONTACT_DETAILS_FORBIDDEN', errcode: 48009 });
    h.sandbox.faults.forbidContactDetails(false);

    h.sandbox.faults.failNext('department/list', 48002);
    expect((await checks())[0]).toMatchObject({ code: 'WECOM_API_FORBIDDEN', errcode: 48002 });

    await h.sandbox.close();
    expect((await checks())[0]).toMatchObject({ code: 'NETWORK' });
    expect(await call('app.getStatus')).toMatchObject({ ok: true, value: { online: false } });
    h.sandbox.close = async () => undefined;
  });
});
