import { AppError } from '../../contract/errors';
import type { ConnectionCheck, ConnectionDraft, ProfileInput, ProfileView } from '../../contract/settings';
import type { ChangesRepo } from '../../db/repos/changes-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { SettingsRepo } from '../../db/repos/settings-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { JobRunner } from '../jobs/job-runner';
import type { SecretStore } from '../../platform/ports';
import type { Logger } from '../../platform/logger';
import { registerSecret } from '../../platform/redact';
import type { Connectivity } from './connectivity';
import { draftIsSaved, draftTargets, runChecks, targetsOf } from './connection-test';
import type { CorpContext } from './corp-context';
import { PROFILE_KEY, appSecretKey, contactsSecretKey, type StoredProfile } from './profile';

/** 设置: the corp profile, its secrets, and "测试连接". Secrets go in, never come back out. */
export class SettingsService {
  constructor(
    private readonly d: {
      corp: CorpContext;
      org: OrgRepo;
      changes: ChangesRepo;
      outbox: OutboxRepo;
      jobs: JobRunner;
      bus: EventBus;
      settings: SettingsRepo;
      secrets: SecretStore;
      connectivity: Connectivity;
      logger: Logger;
    },
  ) {}

  async profile(): Promise<ProfileView> {
    const corp = await this.d.corp.resolve();
    return {
      mode: corp.mode,
      corpId: corp.corpId,
      contactsSecretSet: corp.contacts !== null,
      apps: corp.apps.map((a) => ({
        name: a.name,
        purpose: a.purpose,
        agentid: a.agentid,
        secretSet: a.cred !== null,
      })),
      apiBase: corp.apiBase,
      secretStore: corp.mode === 'demo' ? 'memory' : this.d.corp.secretStoreKind,
    };
  }

  async save(input: ProfileInput): Promise<ProfileView> {
    if (this.d.corp.isEnvProfile) {
      throw new AppError('INVALID_INPUT', 'profile comes from environment variables', {
        details: {
          issues: [
            { path: 'corpId', message: '当前企业配置来自环境变量（WECOM_CORP_ID 等），请修改环境变量后重启' },
          ],
        },
      });
    }
    const ids = input.apps.map((a) => a.agentid);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup !== undefined) {
      throw new AppError('INVALID_INPUT', `duplicate agentid ${dup}`, {
        details: {
          issues: [{ path: `apps.${ids.lastIndexOf(dup)}.agentid`, message: `AgentId ${dup} 重复` }],
        },
      });
    }
    const before = await this.d.settings.get<StoredProfile>(PROFILE_KEY);
    const corpChanged = before !== null && before.corpId !== input.corpId;
    const leaving = await this.d.corp.currentCorpId();
    if (leaving !== input.corpId) await this.checkSwitch(leaving, input.confirmCorpSwitch === true);
    // A secret belongs to one corp: keeping an old secret under a new corp ID would only fail later.
    const missing: Array<{ path: string; message: string }> = [];
    if (!input.contactsSecret && (corpChanged || !(await this.d.secrets.get(contactsSecretKey)))) {
      missing.push({ path: 'contactsSecret', message: '请填写通讯录同步 Secret' });
    }
    for (const [i, a] of input.apps.entries()) {
      if (!a.secret && (corpChanged || !(await this.d.secrets.get(appSecretKey(a.agentid))))) {
        missing.push({ path: `apps.${i}.secret`, message: `请填写「${a.name}」的 Secret` });
      }
    }
    if (missing.length)
      throw new AppError('INVALID_INPUT', 'missing secrets', { details: { issues: missing } });

    if (input.contactsSecret) {
      registerSecret(input.contactsSecret);
      await this.d.secrets.set(contactsSecretKey, input.contactsSecret);
    }
    for (const a of input.apps) {
      if (a.secret) {
        registerSecret(a.secret);
        await this.d.secrets.set(appSecretKey(a.agentid), a.secret);
      }
    }
    for (const old of before?.apps ?? []) {
      if (!ids.includes(old.agentid)) await this.d.secrets.delete(appSecretKey(old.agentid));
    }
    const stored: StoredProfile = {
      corpId: input.corpId,
      apps: input.apps.map(({ name, purpose, agentid }) => ({ name, purpose, agentid })),
    };
    await this.d.settings.set(PROFILE_KEY, stored);
    this.d.logger.info('corp profile saved', { corpId: stored.corpId, apps: stored.apps.length });
    if (leaving !== stored.corpId) await this.switched();
    return this.profile();
  }

  async resetToDemo(input: { confirmCorpSwitch?: boolean | undefined } = {}): Promise<ProfileView> {
    if (this.d.corp.isEnvProfile) {
      throw new AppError('INVALID_INPUT', 'profile comes from environment variables');
    }
    const before = await this.d.settings.get<StoredProfile>(PROFILE_KEY);
    if (before) await this.checkSwitch(before.corpId, input.confirmCorpSwitch === true);
    await this.d.secrets.delete(contactsSecretKey);
    for (const a of before?.apps ?? []) await this.d.secrets.delete(appSecretKey(a.agentid));
    await this.d.settings.delete(PROFILE_KEY);
    if (before) await this.switched();
    return this.profile();
  }

  /**
   * Leaving a corp with unpushed work needs the clerk's yes: the work stays with that corp (re-opened
   * when it is configured again) and can never be pushed to another. Nothing is switched mid-push/sync.
   */
  private async checkSwitch(leaving: string, confirmed: boolean): Promise<void> {
    const busy = this.d.jobs.runningOf('org.push') ?? this.d.jobs.runningOf('org.sync');
    if (busy) {
      throw new AppError('JOB_RUNNING', 'corp switch refused while a push or sync runs', {
        details: { jobId: busy },
      });
    }
    const changes = await this.d.changes.active(leaving);
    const unsettled = await this.d.outbox.unsettled(leaving);
    if (confirmed || (changes.length === 0 && unsettled.length === 0)) return;
    throw new AppError('CORP_SWITCH_PENDING', `corp ${leaving} has unpushed work`, {
      details: {
        corpId: leaving,
        count: changes.length,
        unsettled: unsettled.length,
        labels: changes.slice(0, 20).map((c) => c.label),
      },
    });
  }

  /** The cache held the old corp: it is no longer trusted, and a sync of the new one comes first. */
  private async switched(): Promise<void> {
    await this.d.org.clearCache();
    this.d.bus.emit('org.cacheChanged', { at: new Date().toISOString() });
  }

  /** 「测试连接」 of the configuration in use (saved, environment or demo), e.g. for the CLI. */
  async testConnection(): Promise<{ checks: ConnectionCheck[] }> {
    const corp = await this.d.corp.resolve();
    const { checks, sawNetwork } = await runChecks(corp.apiBase, targetsOf(corp), this.d.logger);
    this.d.connectivity.report(!sawNetwork);
    return { checks };
  }

  /**
   * 「测试连接」 of what the form holds, unsaved: the typed corp ID and secrets (an empty secret
   * field meaning the saved one), against the API host that saving would use. Nothing is stored.
   */
  async testDraft(
    draft: ConnectionDraft,
  ): Promise<{ checks: ConnectionCheck[]; corpId: string; saved: boolean }> {
    const corp = await this.d.corp.resolve();
    const saved = draftIsSaved(draft, corp);
    const targets = saved ? targetsOf(corp) : draftTargets(draft, corp);
    // A draft that is not the demo leaves the demo's sandbox: it is tested where saving would point.
    const apiBase = saved ? corp.apiBase : this.d.corp.configuredApiBase;
    const { checks, sawNetwork } = await runChecks(apiBase, targets, this.d.logger);
    this.d.connectivity.report(!sawNetwork);
    return { checks, corpId: draft.corpId, saved };
  }
}
