// Default sandbox credentials (overridable per sandbox via CredentialOptions). Nothing here is
// secret: they only open the local sandbox and are printed by main.ts on start-up so the desktop
// app / e2e can be pointed at it.
//
//   corpId           ww5a1d0e0c2b4f6a01
//   contacts secret  sandbox-contacts-secret-0001   (通讯录同步 secret: contacts writes, user/list_id)
//   新区医院小助手    小助手    agentid 1000002  secret sandbox-app-secret-1000002  (created before 2022-06-20)
//   学科公告         学科公告  agentid 1000003  secret sandbox-app-secret-1000003  (created after 2022-06-20)
//   会议助手         会议助手  agentid 1000004  secret sandbox-app-secret-1000004  (created before 2022-06-20)
//   小助手云盘       云盘      agentid 1000005  secret sandbox-app-secret-1000005  (created after 2022-06-20)

export type AppPurpose = '小助手' | '学科公告' | '会议助手' | '云盘';

export interface SandboxApp {
  name: string;
  purpose: AppPurpose;
  agentid: number;
  secret: string;
}

export interface SandboxCredentials {
  corpId: string;
  contactsSecret: string;
  apps: SandboxApp[];
}

export const CORP_ID = 'ww5a1d0e0c2b4f6a01';
export const CONTACTS_SECRET = 'sandbox-contacts-secret-0001';
export const APP_SECRET_PREFIX = 'sandbox-app-secret-';

/** Per-sandbox overrides so two sandboxes can stand in for two different corps. */
export interface CredentialOptions {
  corpId?: string;
  contactsSecret?: string;
  /** app secrets are `<prefix><agentid>` */
  appSecretPrefix?: string;
}

interface AppDef {
  name: string;
  purpose: AppPurpose;
  agentid: number;
  /** apps created after 2022-06-20 lose mobile/email/gender/avatar in user reads (API.md §1.4) */
  createdAfter20220620: boolean;
}

export const APPS: AppDef[] = [
  { name: '新区医院小助手', purpose: '小助手', agentid: 1000002, createdAfter20220620: false },
  { name: '学科公告', purpose: '学科公告', agentid: 1000003, createdAfter20220620: true },
  { name: '会议助手', purpose: '会议助手', agentid: 1000004, createdAfter20220620: false },
  { name: '小助手云盘', purpose: '云盘', agentid: 1000005, createdAfter20220620: true },
];

export function makeCredentials(opts: CredentialOptions = {}): SandboxCredentials {
  const corpId = opts.corpId ?? CORP_ID;
  const contactsSecret = opts.contactsSecret ?? CONTACTS_SECRET;
  const prefix = opts.appSecretPrefix ?? APP_SECRET_PREFIX;
  // an empty value would make gettoken's "missing parameter" checks (41002/41004) unreachable
  if (!corpId || !contactsSecret || !prefix)
    throw new Error('corpId / contactsSecret / appSecretPrefix 不能为空');
  const apps = APPS.map(({ name, purpose, agentid }) => ({
    name,
    purpose,
    agentid,
    secret: `${prefix}${agentid}`,
  }));
  if (apps.some((a) => a.secret === contactsSecret)) throw new Error('通讯录 Secret 不能与应用 Secret 相同');
  return { corpId, contactsSecret, apps };
}

export function defaultCredentials(): SandboxCredentials {
  return makeCredentials();
}

/** Who a secret belongs to: the contacts-sync tool or an app. */
export type Principal = { kind: 'contacts' } | { kind: 'app'; agentid: number; stripSensitive: boolean };

/** Resolves a secret against one sandbox's credentials only, so another corp's secret is refused. */
export function principalForSecret(creds: SandboxCredentials, secret: string): Principal | undefined {
  if (secret === creds.contactsSecret) return { kind: 'contacts' };
  const app = creds.apps.find((a) => a.secret === secret);
  if (!app) return undefined;
  const def = APPS.find((d) => d.agentid === app.agentid);
  return { kind: 'app', agentid: app.agentid, stripSensitive: def?.createdAfter20220620 ?? true };
}
