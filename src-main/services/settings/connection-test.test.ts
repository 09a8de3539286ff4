import { afterEach, describe, expect, it } from 'vitest';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

/** 「测试连接」 tests what the form holds, not what was saved (walkthrough 65b), and saves nothing. */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = async (name: string, input: unknown = {}) => h!.services.dispatch(name, input);
type Check = { target: string; ok: boolean; code: string | null; errcode: number | null };
const draftChecks = async (draft: object) => {
  const r = await call('settings.testDraft', draft);
  if (!r.ok) throw new Error(r.error.code);
  return r.value as { checks: Check[]; corpId: string; saved: boolean };
};

describe('settings.testDraft', () => {
  it('an unsaved wrong corp ID fails with 40013 for that ID, and the saved corp stays as it was', async () => {
    h = await servicesHarness();
    const c = h.sandbox.credentials;
    await call('settings.saveProfile', { corpId: c.corpId, contactsSecret: c.contactsSecret, apps: [] });
    const r = await draftChecks({ corpId: 'ww0000000000000000', apps: [] });
    expect(r).toMatchObject({ corpId: 'ww0000000000000000', saved: false });
    expect(r.checks).toEqual([
      expect.objectContaining({
        target: 'contacts',
        ok: false,
        code: 'WECOM_CORPID_INVALID',
        errcode: 40013,
      }),
    ]);
    expect(await call('settings.getProfile')).toMatchObject({ ok: true, value: { corpId: c.corpId } });
    // The form as saved is the configuration in use, and it works.
    expect(await draftChecks({ corpId: c.corpId, apps: [] })).toMatchObject({
      saved: true,
      checks: [{ target: 'contacts', ok: true }],
    });
  });

  it('tests typed secrets without storing or logging them; an empty one means the saved one', async () => {
    h = await servicesHarness();
    const c = h.sandbox.credentials;
    await call('settings.saveProfile', { corpId: c.corpId, contactsSecret: c.contactsSecret, apps: [] });
    const typed = 'typed-but-wrong-secret-42';
    const wrong = await draftChecks({ corpId: c.corpId, contactsSecret: typed, apps: [] });
    expect(wrong.checks[0]).toMatchObject({ ok: false, code: 'WECOM_SECRET_INVALID', errcode: 40001 });
    expect(JSON.stringify(wrong)).not.toContain(typed);
    expect(h.logger.lines.join('\n')).not.toContain(typed);
    // Nothing was saved: the saved secret still works.
    expect((await call('settings.testConnection')) as unknown).toMatchObject({
      ok: true,
      value: { checks: [{ ok: true }] },
    });

    const app = c.apps[0]!;
    const withApp = await draftChecks({
      corpId: c.corpId,
      apps: [{ name: '小助手', purpose: '小助手', agentid: app.agentid, secret: app.secret }],
    });
    expect(withApp.saved).toBe(false);
    expect(withApp.checks.map((x) => [x.target, x.ok])).toEqual([
      ['contacts', true],
      [`app:${app.agentid}`, true],
    ]);
    // An app without a typed or saved secret is not configured, not a false success.
    const noSecret = await draftChecks({
      corpId: c.corpId,
      apps: [{ name: '学科公告', purpose: '学科公告', agentid: 1000003 }],
    });
    expect(noSecret.checks[1]).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
  });
});
