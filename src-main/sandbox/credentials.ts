// Fixed sandbox credentials. Nothing here is secret: they only open the local sandbox and are
// printed by main.ts on start-up so the desktop app / e2e can be pointed at it.
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

interface AppDef extends SandboxApp {
  /** apps created after 2022-06-20 lose mobile/email/gender/avatar in user reads (API.md §1.4) */
  createdAfter20220620: boolean;
}

const APPS: AppDef[] = [
  { name: '新区医院小助手', purpose: '小助手', agentid: 1000002, createdAfter20220620: false },
  { name: '学科公告', purpose: '学科公告', agentid: 1000003, createdAfter20220620: true },
  { name: '会议助手', purpose: '会议助手', agentid: 1000004, createdAfter20220620: false },
  { name: '小助手云盘', purpose: '云盘', agentid: 1000005, createdAfter20220620: true },
].map((a) => ({ ...a, purpose: a.purpose as AppPurpose, secret: `sandbox-app-secret-${a.agentid}` }));

export function defaultCredentials(): SandboxCredentials {
  return {
    corpId: CORP_ID,
    contactsSecret: CONTACTS_SECRET,
    apps: APPS.map(({ name, purpose, agentid, secret }) => ({ name, purpose, agentid, secret })),
  };
}

/** Who a secret belongs to: the contacts-sync tool or an app. */
export type Principal = { kind: 'contacts' } | { kind: 'app'; agentid: number; stripSensitive: boolean };

export function principalForSecret(secret: string): Principal | undefined {
  if (secret === CONTACTS_SECRET) return { kind: 'contacts' };
  const app = APPS.find((a) => a.secret === secret);
  if (!app) return undefined;
  return { kind: 'app', agentid: app.agentid, stripSensitive: app.createdAfter20220620 };
}
