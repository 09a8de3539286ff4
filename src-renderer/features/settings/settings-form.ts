import {
  ConnectionDraft,
  ProfileInput,
  type AppPurpose,
  type ProfileView,
} from '../../../src-main/contract/settings';
import { t } from '../../i18n/zh-CN';

/** One editable row of the 自建应用 list. */
export interface AppDraft {
  /** React key; stable across edits. */
  key: string;
  name: string;
  purpose: AppPurpose;
  agentid: number | null;
  /** Empty = keep the stored secret (only possible when one is stored for originalAgentid). */
  secret: string;
  /** The agentid this row had when loaded; a stored secret belongs to that agentid. */
  originalAgentid: number | null;
  secretSet: boolean;
}

export interface ProfileDraft {
  corpId: string;
  contactsSecret: string;
  /** Whether main holds a contacts secret, i.e. an empty field may mean "keep". */
  contactsSecretSet: boolean;
  apps: AppDraft[];
}

/** Field path ('corpId', 'apps.0.secret') → message. */
export type FieldErrors = Record<string, string>;

let keySeq = 0;
export const newAppKey = (): string => `app-${++keySeq}`;

export function draftFromProfile(profile: ProfileView): ProfileDraft {
  return {
    corpId: profile.corpId,
    contactsSecret: '',
    contactsSecretSet: profile.contactsSecretSet,
    apps: profile.apps.map((a) => ({
      key: newAppKey(),
      name: a.name,
      purpose: a.purpose,
      agentid: a.agentid,
      secret: '',
      originalAgentid: a.agentid,
      secretSet: a.secretSet,
    })),
  };
}

/** A stored secret can be kept only while the row still points at the agentid it was saved for. */
export function appKeepsStoredSecret(app: AppDraft): boolean {
  return app.secretSet && app.agentid !== null && app.agentid === app.originalAgentid;
}

export function joinPath(path: ReadonlyArray<PropertyKey> | string): string {
  if (typeof path === 'string') return path;
  return path.map((p) => String(p)).join('.');
}

/**
 * Builds the saveProfile input. Secrets the user left empty are omitted, which tells main to keep
 * the stored ones; only secrets the user typed are sent.
 */
export function buildProfileInput(draft: ProfileDraft): { input: ProfileInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const contactsSecret = draft.contactsSecret.trim();
  if (contactsSecret === '' && !draft.contactsSecretSet) errors.contactsSecret = t.settings.required.secret;
  const apps = draft.apps.map((a, i) => {
    if (a.agentid === null) errors[`apps.${i}.agentid`] = t.settings.required.agentid;
    const secret = a.secret.trim();
    if (secret === '' && !appKeepsStoredSecret(a)) errors[`apps.${i}.secret`] = t.settings.required.secret;
    const out: Record<string, unknown> = { name: a.name, purpose: a.purpose, agentid: a.agentid ?? 0 };
    if (secret !== '') out.secret = secret;
    return out;
  });
  const raw: Record<string, unknown> = { corpId: draft.corpId, apps };
  if (contactsSecret !== '') raw.contactsSecret = contactsSecret;

  // The contract's own schema gives the same messages main would.
  const parsed = ProfileInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = joinPath(issue.path);
      errors[key] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { input: null, errors };
  return { input: parsed.data, errors };
}

/** INVALID_INPUT from main may carry details.issues [{path, message}]. */
export function fieldErrorsFromDetails(details: Record<string, unknown> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const issues = details?.issues;
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key = Array.isArray(path) || typeof path === 'string' ? joinPath(path as string) : '';
    errors[key] ??= message;
  }
  return errors;
}

/**
 * The input of 「测试连接」: the form as typed, unsaved. Empty secrets are omitted (main then uses the
 * saved one, or reports 未配置); only format problems stop the test, not missing secrets, since the
 * test is how a clerk finds out what is wrong.
 */
export function buildDraftInput(draft: ProfileDraft): {
  input: ConnectionDraft | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const apps = draft.apps.map((a, i) => {
    if (a.agentid === null) errors[`apps.${i}.agentid`] = t.settings.required.agentid;
    const out: Record<string, unknown> = { name: a.name, purpose: a.purpose, agentid: a.agentid ?? 0 };
    // A stored secret belongs to the agentid it was saved for; another agentid has none to keep.
    if (a.secret.trim() !== '') out.secret = a.secret.trim();
    return out;
  });
  const raw: Record<string, unknown> = { corpId: draft.corpId, apps };
  if (draft.contactsSecret.trim() !== '') raw.contactsSecret = draft.contactsSecret.trim();
  const parsed = ConnectionDraft.safeParse(raw);
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[joinPath(issue.path)] ??= issue.message;
  if (Object.keys(errors).length > 0 || !parsed.success) return { input: null, errors };
  return { input: parsed.data, errors };
}
