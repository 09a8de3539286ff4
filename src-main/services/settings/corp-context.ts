import { AppError } from '../../contract/errors';
import type { AppPurpose } from '../../contract/settings';
import type { SettingsRepo } from '../../db/repos/settings-repo';
import type { EnvProfile } from '../../platform/node/env-profile';
import type { SecretStore } from '../../platform/ports';
import type { Logger } from '../../platform/logger';
import { registerSecret } from '../../platform/redact';
import { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import { PROFILE_KEY, appSecretKey, contactsSecretKey, type StoredProfile } from './profile';

export interface DemoCorp {
  apiBase: string;
  corpId: string;
  contactsSecret: string;
  apps: Array<{ name: string; purpose: AppPurpose; agentid: number; secret: string }>;
}

export interface ResolvedApp {
  name: string;
  purpose: AppPurpose;
  agentid: number;
  cred: Credential | null;
}

export interface ResolvedCorp {
  mode: 'demo' | 'corp';
  corpId: string;
  apiBase: string;
  contacts: Credential | null;
  apps: ResolvedApp[];
}

/**
 * Decides which corp the app talks to: environment variables, else the saved profile, else the
 * built-in sandbox (演示模式). Secrets are read from the SecretStore at each resolve and never cached
 * elsewhere.
 */
export class CorpContext {
  private readonly https = new Map<string, WecomHttp>();

  constructor(
    private readonly deps: {
      settings: SettingsRepo;
      secrets: SecretStore;
      logger: Logger;
      apiBase: string;
      envProfile: EnvProfile | null;
      demo: () => Promise<DemoCorp>;
      httpOptions?: Partial<ConstructorParameters<typeof WecomHttp>[0]>;
    },
  ) {}

  get secretStoreKind(): SecretStore['kind'] {
    return this.deps.secrets.kind;
  }

  /** The API host of a saved (non-demo) corp: where a profile being typed would be used. */
  get configuredApiBase(): string {
    return this.deps.apiBase;
  }

  get isEnvProfile(): boolean {
    return this.deps.envProfile !== null;
  }

  async storedProfile(): Promise<StoredProfile | null> {
    if (this.deps.envProfile) {
      const p = this.deps.envProfile;
      return {
        corpId: p.corpId,
        apps: p.apps.map(({ name, purpose, agentid }) => ({ name, purpose, agentid })),
      };
    }
    return this.deps.settings.get<StoredProfile>(PROFILE_KEY);
  }

  async resolve(): Promise<ResolvedCorp> {
    const profile = await this.storedProfile();
    if (!profile) {
      const d = await this.deps.demo();
      const cred = (secret: string, label: string): Credential => ({ corpId: d.corpId, secret, label });
      return {
        mode: 'demo',
        corpId: d.corpId,
        apiBase: d.apiBase,
        contacts: cred(d.contactsSecret, '通讯录同步'),
        apps: d.apps.map((a) => ({ ...a, cred: cred(a.secret, a.name) })),
      };
    }
    const s = this.deps.secrets;
    // Each secret is registered for redaction as it is loaded, not only at its first gettoken: an
    // error or log line from before that (or from a call that never gets a token) stays clean.
    const contactsSecret = await s.get(contactsSecretKey);
    registerSecret(contactsSecret);
    const apps: ResolvedApp[] = [];
    for (const a of profile.apps) {
      const secret = await s.get(appSecretKey(a.agentid));
      registerSecret(secret);
      apps.push({ ...a, cred: secret ? { corpId: profile.corpId, secret, label: a.name } : null });
    }
    return {
      mode: 'corp',
      corpId: profile.corpId,
      apiBase: this.deps.apiBase,
      contacts: contactsSecret
        ? { corpId: profile.corpId, secret: contactsSecret, label: '通讯录同步' }
        : null,
      apps,
    };
  }

  /** The corp every cached, staged and outbox row is scoped to right now. */
  async currentCorpId(): Promise<string> {
    return (await this.resolve()).corpId;
  }

  /** One client (and so one token cache) per base URL, shared by every service. */
  http(apiBase: string): WecomHttp {
    let h = this.https.get(apiBase);
    if (!h) {
      h = new WecomHttp({ baseURL: apiBase, logger: this.deps.logger, ...this.deps.httpOptions });
      this.https.set(apiBase, h);
    }
    return h;
  }

  /** The credential used to read contacts: the contacts secret, else any app secret. */
  async readCredential(): Promise<{ corp: ResolvedCorp; cred: Credential; fallback: Credential | null }> {
    const corp = await this.resolve();
    const appCred = corp.apps.find((a) => a.cred)?.cred ?? null;
    const cred = corp.contacts ?? appCred;
    if (!cred) throw new AppError('NOT_CONFIGURED', 'no contacts or app secret configured');
    return { corp, cred, fallback: corp.contacts ? appCred : null };
  }
}
