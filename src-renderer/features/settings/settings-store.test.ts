import { describe, expect, it } from 'vitest';
import type { ConnectionCheck, ProfileInput, ProfileView } from '../../../src-main/contract';
import { createFakeApi, err, ok } from '../../test-support/fake-api';
import { checkFailureText } from './check-text';
import { createSettingsStore } from './settings-store';

const corpProfile: ProfileView = {
  mode: 'corp',
  corpId: 'ww1234567890abcdef',
  contactsSecretSet: true,
  apps: [{ name: '小助手', purpose: '小助手', agentid: 1000002, secretSet: true }],
  apiBase: 'https://qyapi.weixin.qq.com',
  secretStore: 'safeStorage',
};

function setup(profile: ProfileView = corpProfile) {
  const saved: ProfileInput[] = [];
  const changes: ProfileView[] = [];
  const api = createFakeApi({
    'settings.getProfile': () => ok(profile),
    'settings.saveProfile': (input) => {
      saved.push(input);
      return ok({ ...profile, corpId: input.corpId });
    },
    'settings.resetToDemo': () => ok({ ...profile, mode: 'demo', corpId: 'wwdemo', apps: [] }),
  });
  const switched: boolean[] = [];
  let reachable = 0;
  const store = createSettingsStore(api, {
    onProfileChanged: (p, { corpSwitched }) => {
      changes.push(p);
      switched.push(corpSwitched);
    },
    onContactsReachable: () => reachable++,
  });
  return { api, store, saved, changes, switched, reachable: () => reachable };
}

describe('settings store', () => {
  it('loads the profile into an empty-secret draft', async () => {
    const { store } = setup();
    await store.getState().load();
    const { draft } = store.getState();
    expect(draft.corpId).toBe(corpProfile.corpId);
    expect(draft.contactsSecret).toBe('');
    expect(draft.apps[0]).toMatchObject({ agentid: 1000002, secret: '', secretSet: true });
  });

  it('save sends only the secrets the user typed', async () => {
    const { store, saved, changes } = setup();
    await store.getState().load();
    expect(await store.getState().save()).toBe(true);
    expect(saved[0]).toEqual({
      corpId: corpProfile.corpId,
      apps: [{ name: '小助手', purpose: '小助手', agentid: 1000002 }],
    });
    expect('contactsSecret' in saved[0]!).toBe(false);
    expect('secret' in saved[0]!.apps[0]!).toBe(false);

    store.getState().setContactsSecret('  newContactsSecret_1 ');
    const key = store.getState().draft.apps[0]!.key;
    store.getState().updateApp(key, { secret: 'appSecret-2' });
    expect(await store.getState().save()).toBe(true);
    expect(saved[1]).toEqual({
      corpId: corpProfile.corpId,
      contactsSecret: 'newContactsSecret_1',
      apps: [{ name: '小助手', purpose: '小助手', agentid: 1000002, secret: 'appSecret-2' }],
    });
    // After saving, the fields are empty again: secrets are never shown back.
    expect(store.getState().draft.contactsSecret).toBe('');
    expect(store.getState().savedAt).not.toBeNull();
    expect(changes).toHaveLength(2);
  });

  it('validates inline in Chinese without calling main', async () => {
    const { store, api } = setup({ ...corpProfile, contactsSecretSet: false });
    await store.getState().load();
    store.getState().setCorpId('企业 id');
    store.getState().addApp();
    const newKey = store.getState().draft.apps[1]!.key;
    store.getState().updateApp(newKey, { secret: 'ok_secret' });
    // Changing an existing app's agentid means its stored secret no longer applies.
    store.getState().updateApp(store.getState().draft.apps[0]!.key, { agentid: 1000009 });

    expect(await store.getState().save()).toBe(false);
    const errors = store.getState().fieldErrors;
    expect(errors.corpId).toBe('企业ID只能包含字母和数字');
    expect(errors.contactsSecret).toBe('请填写 Secret');
    expect(errors['apps.0.secret']).toBe('请填写 Secret');
    expect(errors['apps.1.agentid']).toBe('请填写 AgentId');
    expect(api.calls.some((c) => c.name === 'settings.saveProfile')).toBe(false);

    store.getState().setCorpId('ww1');
    expect(store.getState().fieldErrors.corpId).toBeUndefined();
  });

  it('maps INVALID_INPUT issues from main onto fields', async () => {
    const { store, api } = setup();
    api.handlers['settings.saveProfile'] = () =>
      err('INVALID_INPUT', {
        issues: [
          { path: ['apps', 0, 'name'], message: '应用名称重复' },
          { path: 'corpId', message: '企业ID不存在' },
        ],
      });
    await store.getState().load();
    expect(await store.getState().save()).toBe(false);
    expect(store.getState().fieldErrors).toEqual({ 'apps.0.name': '应用名称重复', corpId: '企业ID不存在' });
    expect(store.getState().actionError?.code).toBe('INVALID_INPUT');
  });

  it('test connection lists one result per check with the fix, including the IP for 60020', async () => {
    const { store, api } = setup();
    await store.getState().load();
    api.handlers['settings.testDraft'] = () =>
      ok({
        corpId: corpProfile.corpId,
        saved: true,
        checks: [
          { target: 'contacts', label: '通讯录同步', ok: true, code: null, errcode: null, ip: null },
          {
            target: 'app:1000002',
            label: '小助手',
            ok: false,
            code: 'WECOM_IP_NOT_TRUSTED',
            errcode: 60020,
            ip: '203.0.113.7',
          },
          {
            target: 'app:1000003',
            label: '云盘',
            ok: false,
            code: 'WECOM_SECRET_INVALID',
            errcode: 40001,
            ip: null,
          },
        ],
      });
    await store.getState().testConnection();
    const checks = store.getState().checks!;
    expect(checks).toHaveLength(3);
    expect(store.getState().busy).toBe('idle');
    const ipText = checkFailureText(checks[1]!);
    expect(ipText.title).toContain('60020');
    expect(ipText.detail).toContain('203.0.113.7');
    expect(ipText.detail).toContain('应用管理 → 应用');
    expect(checkFailureText(checks[2]!).detail).toContain('管理工具 → 通讯录同步');
  });

  it('a test connection that reaches the contacts API lets the shell start the first sync', async () => {
    const { store, api, reachable } = setup();
    const check = (target: string, ok_: boolean) => ({
      target,
      label: target,
      ok: ok_,
      code: ok_ ? null : 'WECOM_SECRET_INVALID',
      errcode: ok_ ? null : 40001,
      ip: null,
    });
    const saved = (checks: ConnectionCheck[]) => ok({ corpId: corpProfile.corpId, saved: true, checks });
    await store.getState().load();
    api.handlers['settings.testDraft'] = () => saved([check('contacts', false), check('app:1000002', true)]);
    await store.getState().testConnection();
    expect(reachable()).toBe(0);
    api.handlers['settings.testDraft'] = () => err('NETWORK');
    await store.getState().testConnection();
    expect(reachable()).toBe(0);
    // A draft that reaches WeCom is not yet the configuration in use: nothing to sync from yet.
    api.handlers['settings.testDraft'] = () =>
      ok({ corpId: 'wwother', saved: false, checks: [check('contacts', true)] });
    await store.getState().testConnection();
    expect(reachable()).toBe(0);
    api.handlers['settings.testDraft'] = () => saved([check('contacts', true), check('app:1000002', false)]);
    await store.getState().testConnection();
    expect(reachable()).toBe(1);
  });

  it('test connection failure is kept for display', async () => {
    const { store, api } = setup();
    await store.getState().load();
    api.handlers['settings.testDraft'] = () => err('NOT_CONFIGURED');
    await store.getState().testConnection();
    expect(store.getState().testError?.code).toBe('NOT_CONFIGURED');
    expect(store.getState().checks).toBeNull();
  });

  it('test connection sends what is typed, unsaved, with empty secrets left out (= the saved ones)', async () => {
    const { store, api, saved } = setup();
    await store.getState().load();
    const sent: unknown[] = [];
    api.handlers['settings.testDraft'] = (input) => {
      sent.push(input);
      return ok({ corpId: input.corpId, saved: false, checks: [] });
    };
    store.getState().setCorpId('ww0000000000000000');
    await store.getState().testConnection();
    expect(sent).toEqual([
      { corpId: 'ww0000000000000000', apps: [{ name: '小助手', purpose: '小助手', agentid: 1000002 }] },
    ]);
    expect(store.getState().tested).toEqual({ corpId: 'ww0000000000000000', saved: false });
    expect(saved).toEqual([]);
    expect(store.getState().draft.corpId).toBe('ww0000000000000000');

    store.getState().setContactsSecret('typed-secret');
    await store.getState().testConnection();
    expect(sent[1]).toMatchObject({ contactsSecret: 'typed-secret' });

    // A corp ID WeCom could never accept is shown beside the field, and nothing is sent.
    store.getState().setCorpId('');
    await store.getState().testConnection();
    expect(sent).toHaveLength(2);
    expect(store.getState().fieldErrors.corpId).toBe('请填写企业ID');
  });

  it('reset to demo replaces the draft and notifies the shell', async () => {
    const { store, changes } = setup();
    await store.getState().load();
    expect(await store.getState().resetToDemo()).toBe(true);
    expect(store.getState().profile?.mode).toBe('demo');
    expect(store.getState().draft.apps).toEqual([]);
    expect(changes.at(-1)?.mode).toBe('demo');
  });

  it('CORP_SWITCH_PENDING asks first; 确认切换 resubmits with confirmCorpSwitch and reports the switch', async () => {
    const { store, api, saved, switched } = setup();
    await store.getState().load();
    const pendingErr = err('CORP_SWITCH_PENDING', {
      corpId: corpProfile.corpId,
      count: 2,
      unsettled: 1,
      labels: ['重命名部门 骨科', 42],
    });
    api.handlers['settings.saveProfile'] = (input) => {
      saved.push(input);
      return input.confirmCorpSwitch ? ok({ ...corpProfile, corpId: input.corpId }) : pendingErr;
    };
    store.getState().setCorpId('ww0000000000000002');
    store.getState().setContactsSecret('real-contacts-secret-0002');
    expect(await store.getState().save()).toBe(false);
    expect(store.getState().pendingSwitch).toEqual({
      action: 'save',
      corpId: corpProfile.corpId,
      count: 2,
      unsettled: 1,
      labels: ['重命名部门 骨科'],
    });
    // Not a failure to show: the confirm says it all.
    expect(store.getState().actionError).toBeNull();
    expect(saved[0]?.confirmCorpSwitch).toBeUndefined();

    expect(await store.getState().confirmSwitch()).toBe(true);
    expect(saved[1]).toMatchObject({ corpId: 'ww0000000000000002', confirmCorpSwitch: true });
    expect(store.getState().pendingSwitch).toBeNull();
    expect(store.getState().profile?.corpId).toBe('ww0000000000000002');
    expect(switched).toEqual([true]);
  });

  it('取消 keeps the typed values and switches nothing', async () => {
    const { store, api, changes } = setup();
    await store.getState().load();
    api.handlers['settings.saveProfile'] = () =>
      err('CORP_SWITCH_PENDING', { corpId: 'x', count: 1, labels: [] });
    store.getState().setCorpId('ww0000000000000002');
    await store.getState().save();
    store.getState().cancelSwitch();
    expect(store.getState().pendingSwitch).toBeNull();
    expect(store.getState().draft.corpId).toBe('ww0000000000000002');
    expect(store.getState().profile?.corpId).toBe(corpProfile.corpId);
    expect(changes).toEqual([]);
  });

  it('reset to demo with pending work confirms too; saving the same corp is no switch', async () => {
    const { store, api, switched } = setup();
    await store.getState().load();
    expect(await store.getState().save()).toBe(true);
    expect(switched).toEqual([false]);
    const inputs: unknown[] = [];
    api.handlers['settings.resetToDemo'] = (input) => {
      inputs.push(input);
      return input.confirmCorpSwitch
        ? ok({ ...corpProfile, mode: 'demo', corpId: 'wwdemo', apps: [] })
        : err('CORP_SWITCH_PENDING', { corpId: corpProfile.corpId, count: 1, labels: ['新建部门 康复科'] });
    };
    expect(await store.getState().resetToDemo()).toBe(false);
    expect(store.getState().pendingSwitch?.action).toBe('reset');
    expect(await store.getState().confirmSwitch()).toBe(true);
    expect(inputs).toEqual([{}, { confirmCorpSwitch: true }]);
    expect(switched).toEqual([false, true]);
  });
});
