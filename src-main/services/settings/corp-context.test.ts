import { describe, expect, it } from 'vitest';
import type { SettingsRepo } from '../../db/repos/settings-repo';
import { createLogger } from '../../platform/logger';
import { MemorySecretStore } from '../../platform/node/memory-secret-store';
import { redact } from '../../platform/redact';
import { CorpContext } from './corp-context';
import { PROFILE_KEY, appSecretKey, contactsSecretKey, type StoredProfile } from './profile';

describe('CorpContext', () => {
  it('registers stored secrets for redaction as soon as they are loaded', async () => {
    const contacts = 'stored-contacts-secret-8d1f';
    const app = 'stored-app-secret-51c0';
    const secrets = new MemorySecretStore();
    await secrets.set(contactsSecretKey, contacts);
    await secrets.set(appSecretKey(1000002), app);
    const profile: StoredProfile = {
      corpId: 'ww0000000000000009',
      apps: [{ name: '小助手', purpose: '小助手', agentid: 1000002 }],
    };
    const settings = { get: async (k: string) => (k === PROFILE_KEY ? profile : null) };
    const corp = new CorpContext({
      settings: settings as unknown as SettingsRepo,
      secrets,
      logger: createLogger(),
      apiBase: 'https://qyapi.weixin.qq.com',
      envProfile: null,
      demo: () => Promise.reject(new Error('not in demo mode')),
    });
    // Not yet loaded: nothing is known about them.
    expect(redact(`x ${contacts} y`)).toContain(contacts);
    const resolved = await corp.resolve();
    expect(resolved.contacts?.secret).toBe(contacts);
    expect(redact(`failed with ${contacts} and ${app}`)).toBe('failed with *** and ***');
  });
});
