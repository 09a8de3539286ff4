import type { ConnectionCheck, ConnectionDraft } from '../../contract/settings';
import type { Logger } from '../../platform/logger';
import { registerSecret } from '../../platform/redact';
import { toAppError } from '../../wecom/errors';
import { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { ResolvedCorp } from './corp-context';

/** One thing 「测试连接」 checks: a token for cred, then one light read with it. */
export interface CheckTarget {
  target: string;
  label: string;
  cred: Credential | null;
  path: string;
}

/** The targets of a configuration as it is in use (saved, environment or demo). */
export function targetsOf(corp: Pick<ResolvedCorp, 'contacts' | 'apps'>): CheckTarget[] {
  return [
    { target: 'contacts', label: '通讯录同步', cred: corp.contacts, path: 'department/list' },
    ...corp.apps.map((a) => ({
      target: `app:${a.agentid}`,
      label: `${a.name}（AgentId ${a.agentid}）`,
      cred: a.cred,
      path: 'department/simplelist',
    })),
  ];
}

/**
 * The targets of what the clerk typed and has not saved: the typed corp ID with each typed secret,
 * or, where a secret field was left empty, the saved one (as saving would keep it). A saved secret
 * exists only for the saved corp's own configuration: the demo's secrets are never "kept" for a real
 * corp, so an empty field there is reported as not configured, as saving would refuse it.
 */
export function draftTargets(draft: ConnectionDraft, saved: ResolvedCorp): CheckTarget[] {
  const keep = saved.mode === 'corp' || draft.corpId === saved.corpId;
  const cred = (typed: string | undefined, kept: Credential | null, label: string): Credential | null => {
    if (typed) {
      // Typed secrets are redacted from every log line from now on, even if never saved.
      registerSecret(typed);
      return { corpId: draft.corpId, secret: typed, label };
    }
    return keep && kept ? { corpId: draft.corpId, secret: kept.secret, label } : null;
  };
  return targetsOf({
    contacts: cred(draft.contactsSecret, saved.contacts, '通讯录同步'),
    apps: draft.apps.map((a) => ({
      ...a,
      cred: cred(a.secret, saved.apps.find((s) => s.agentid === a.agentid)?.cred ?? null, a.name),
    })),
  });
}

/** True when the draft is exactly the configuration in use: nothing typed, same corp and apps. */
export function draftIsSaved(draft: ConnectionDraft, saved: ResolvedCorp): boolean {
  if (draft.corpId !== saved.corpId || draft.contactsSecret) return false;
  if (draft.apps.length !== saved.apps.length) return false;
  return draft.apps.every((a, i) => {
    const s = saved.apps[i]!;
    return !a.secret && a.agentid === s.agentid && a.name === s.name && a.purpose === s.purpose;
  });
}

/**
 * One gettoken plus one read per target, with a fresh client (so no cached token answers for a
 * changed corp ID or secret) and no retries, so the answer is about the configuration as it is now.
 * Secrets go only into the token request; results carry codes, never secrets.
 */
export async function runChecks(
  apiBase: string,
  targets: readonly CheckTarget[],
  logger: Logger,
): Promise<{ checks: ConnectionCheck[]; sawNetwork: boolean }> {
  const http = new WecomHttp({ baseURL: apiBase, logger, retries: 0, timeoutMs: 8000 });
  const checks: ConnectionCheck[] = [];
  let sawNetwork = false;
  for (const t of targets) {
    const base = { target: t.target, label: t.label };
    if (!t.cred) {
      checks.push({ ...base, ok: false, code: 'NOT_CONFIGURED', errcode: null, ip: null });
      continue;
    }
    try {
      await http.get(t.cred, t.path, t.path === 'department/list' ? { id: 1 } : {});
      checks.push({ ...base, ok: true, code: null, errcode: null, ip: null });
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'NETWORK') sawNetwork = true;
      checks.push({
        ...base,
        ok: false,
        code: err.code,
        errcode: typeof err.details?.errcode === 'number' ? err.details.errcode : null,
        ip: typeof err.details?.ip === 'string' ? err.details.ip : null,
      });
    }
  }
  return { checks, sawNetwork };
}
