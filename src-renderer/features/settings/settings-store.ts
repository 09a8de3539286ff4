import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, ConnectionCheck, ProfileView } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import {
  buildProfileInput,
  draftFromProfile,
  fieldErrorsFromDetails,
  newAppKey,
  type AppDraft,
  type FieldErrors,
  type ProfileDraft,
} from './settings-form';

export type Busy = 'idle' | 'loading' | 'saving' | 'testing' | 'resetting';

export interface SettingsState {
  profile: ProfileView | null;
  loadError: AppErrorShape | null;
  draft: ProfileDraft;
  fieldErrors: FieldErrors;
  busy: Busy;
  /** The last save / reset error (not field-level). */
  actionError: AppErrorShape | null;
  /** Bumped after a successful save or reset, for a confirmation message. */
  savedAt: number | null;
  checks: ConnectionCheck[] | null;
  testError: AppErrorShape | null;

  load(): Promise<void>;
  setCorpId(value: string): void;
  setContactsSecret(value: string): void;
  addApp(): void;
  updateApp(key: string, patch: Partial<Omit<AppDraft, 'key' | 'originalAgentid' | 'secretSet'>>): void;
  removeApp(key: string): void;
  save(): Promise<boolean>;
  testConnection(): Promise<void>;
  resetToDemo(): Promise<boolean>;
}

export type SettingsStore = StoreApi<SettingsState>;

export interface SettingsStoreOptions {
  /** Mode or credentials changed: the shell refreshes its status and the org cache. */
  onProfileChanged?: (profile: ProfileView) => void;
}

const emptyDraft = (): ProfileDraft => ({
  corpId: '',
  contactsSecret: '',
  contactsSecretSet: false,
  apps: [],
});

function withoutKey(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const next = { ...errors };
  delete next[key];
  return next;
}

export function createSettingsStore(api: Api, options: SettingsStoreOptions = {}): SettingsStore {
  return createStore<SettingsState>()((set, get) => {
    const applyProfile = (profile: ProfileView): void => {
      set({ profile, draft: draftFromProfile(profile), fieldErrors: {}, loadError: null });
    };

    return {
      profile: null,
      loadError: null,
      draft: emptyDraft(),
      fieldErrors: {},
      busy: 'idle',
      actionError: null,
      savedAt: null,
      checks: null,
      testError: null,

      async load() {
        set({ busy: 'loading', loadError: null });
        const res = await api.call('settings.getProfile', {});
        set({ busy: 'idle' });
        if (res.ok) applyProfile(res.value);
        else set({ loadError: res.error });
      },

      setCorpId(value) {
        set((s) => ({
          draft: { ...s.draft, corpId: value },
          fieldErrors: withoutKey(s.fieldErrors, 'corpId'),
        }));
      },

      setContactsSecret(value) {
        set((s) => ({
          draft: { ...s.draft, contactsSecret: value },
          fieldErrors: withoutKey(s.fieldErrors, 'contactsSecret'),
        }));
      },

      addApp() {
        const used = new Set(get().draft.apps.map((a) => a.purpose));
        const purpose =
          (['小助手', '学科公告', '会议助手', '云盘'] as const).find((p) => !used.has(p)) ?? '小助手';
        const app: AppDraft = {
          key: newAppKey(),
          name: purpose,
          purpose,
          agentid: null,
          secret: '',
          originalAgentid: null,
          secretSet: false,
        };
        set((s) => ({ draft: { ...s.draft, apps: [...s.draft.apps, app] } }));
      },

      updateApp(key, patch) {
        set((s) => {
          const i = s.draft.apps.findIndex((a) => a.key === key);
          if (i < 0) return s;
          const apps = s.draft.apps.slice();
          apps[i] = { ...apps[i]!, ...patch };
          let fieldErrors = s.fieldErrors;
          for (const field of Object.keys(patch)) fieldErrors = withoutKey(fieldErrors, `apps.${i}.${field}`);
          return { draft: { ...s.draft, apps }, fieldErrors };
        });
      },

      removeApp(key) {
        // Row indices shift, so field errors for apps no longer line up: drop them.
        set((s) => ({
          draft: { ...s.draft, apps: s.draft.apps.filter((a) => a.key !== key) },
          fieldErrors: Object.fromEntries(
            Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('apps.')),
          ),
        }));
      },

      async save() {
        const { input, errors } = buildProfileInput(get().draft);
        if (!input) {
          set({ fieldErrors: errors, actionError: null });
          return false;
        }
        set({ busy: 'saving', fieldErrors: {}, actionError: null });
        const res = await api.call('settings.saveProfile', input);
        set({ busy: 'idle' });
        if (!res.ok) {
          const fieldErrors =
            res.error.code === 'INVALID_INPUT' ? fieldErrorsFromDetails(res.error.details) : {};
          set({ fieldErrors, actionError: res.error });
          return false;
        }
        applyProfile(res.value);
        set({ savedAt: Date.now(), checks: null });
        options.onProfileChanged?.(res.value);
        return true;
      },

      async testConnection() {
        set({ busy: 'testing', checks: null, testError: null });
        const res = await api.call('settings.testConnection', {});
        set({ busy: 'idle' });
        if (res.ok) set({ checks: res.value.checks });
        else set({ testError: res.error });
      },

      async resetToDemo() {
        set({ busy: 'resetting', actionError: null });
        const res = await api.call('settings.resetToDemo', {});
        set({ busy: 'idle' });
        if (!res.ok) {
          set({ actionError: res.error });
          return false;
        }
        applyProfile(res.value);
        set({ savedAt: Date.now(), checks: null, testError: null });
        options.onProfileChanged?.(res.value);
        return true;
      },
    };
  });
}
