import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, ConnectionCheck, ProfileView } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import {
  buildDraftInput,
  buildProfileInput,
  draftFromProfile,
  fieldErrorsFromDetails,
  newAppKey,
  type AppDraft,
  type FieldErrors,
  type ProfileDraft,
} from './settings-form';

export type Busy = 'idle' | 'loading' | 'saving' | 'testing' | 'resetting';

/** CORP_SWITCH_PENDING: the corp being left still has unpushed work; the clerk must confirm. */
export interface PendingSwitch {
  /** What to resubmit with confirmCorpSwitch once the clerk agrees. */
  action: 'save' | 'reset';
  corpId: string;
  /** Staged changes kept for that corp. */
  count: number;
  /** Outbox calls of that corp not yet settled (sent with an unknown outcome, failed…). */
  unsettled: number;
  /** Labels of (up to 20 of) the staged changes. */
  labels: string[];
}

/** Reads CORP_SWITCH_PENDING details defensively: anything missing becomes empty. */
export function pendingSwitchOf(action: PendingSwitch['action'], error: AppErrorShape): PendingSwitch {
  const d = error.details ?? {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const labels = Array.isArray(d.labels) ? d.labels.filter((l): l is string => typeof l === 'string') : [];
  return {
    action,
    corpId: typeof d.corpId === 'string' ? d.corpId : '',
    count: Math.max(num(d.count), labels.length),
    unsettled: num(d.unsettled),
    labels,
  };
}

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
  /** What the last 「测试连接」 tested: the corp ID typed, and whether it was the saved configuration. */
  tested: { corpId: string; saved: boolean } | null;
  testError: AppErrorShape | null;
  /** Set when a save or reset was refused with CORP_SWITCH_PENDING, until confirmed or cancelled. */
  pendingSwitch: PendingSwitch | null;

  load(): Promise<void>;
  setCorpId(value: string): void;
  setContactsSecret(value: string): void;
  addApp(): void;
  updateApp(key: string, patch: Partial<Omit<AppDraft, 'key' | 'originalAgentid' | 'secretSet'>>): void;
  removeApp(key: string): void;
  save(opts?: { confirmCorpSwitch?: boolean }): Promise<boolean>;
  testConnection(): Promise<void>;
  resetToDemo(opts?: { confirmCorpSwitch?: boolean }): Promise<boolean>;
  /** 「确认切换」: resubmits the refused save/reset with confirmCorpSwitch. */
  confirmSwitch(): Promise<boolean>;
  /** 「取消」: nothing changes; the draft stays as typed. */
  cancelSwitch(): void;
}

export type SettingsStore = StoreApi<SettingsState>;

export interface SettingsStoreOptions {
  /**
   * Mode or credentials changed: the shell refreshes its status and the org cache. `corpSwitched`:
   * another corp (or demo ↔ corp) is now current, so its cache must be synced first.
   */
  onProfileChanged?: (profile: ProfileView, info: { corpSwitched: boolean }) => void;
  /**
   * 测试连接 reached the contacts API: the shell may now fetch a newly configured corp's directory
   * (its first sync) without waiting for a click on 「同步」.
   */
  onContactsReachable?: () => void;
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
    /** After a successful save/reset: apply it and tell the shell whether the corp changed. */
    const changed = (profile: ProfileView): void => {
      const before = get().profile;
      const corpSwitched = !before || before.mode !== profile.mode || before.corpId !== profile.corpId;
      applyProfile(profile);
      set({ savedAt: Date.now(), checks: null, tested: null, testError: null, pendingSwitch: null });
      options.onProfileChanged?.(profile, { corpSwitched });
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
      tested: null,
      testError: null,
      pendingSwitch: null,

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

      async save(opts = {}) {
        const { input, errors } = buildProfileInput(get().draft);
        if (!input) {
          set({ fieldErrors: errors, actionError: null, pendingSwitch: null });
          return false;
        }
        set({ busy: 'saving', fieldErrors: {}, actionError: null, pendingSwitch: null });
        const res = await api.call(
          'settings.saveProfile',
          opts.confirmCorpSwitch ? { ...input, confirmCorpSwitch: true } : input,
        );
        set({ busy: 'idle' });
        if (!res.ok) {
          if (res.error.code === 'CORP_SWITCH_PENDING') {
            set({ pendingSwitch: pendingSwitchOf('save', res.error) });
            return false;
          }
          const fieldErrors =
            res.error.code === 'INVALID_INPUT' ? fieldErrorsFromDetails(res.error.details) : {};
          set({ fieldErrors, actionError: res.error });
          return false;
        }
        changed(res.value);
        return true;
      },

      async testConnection() {
        // What is typed is tested, saved or not (walkthrough 65b): never the saved values behind the form.
        const { input, errors } = buildDraftInput(get().draft);
        if (!input) {
          set({ fieldErrors: errors, checks: null, tested: null, testError: null });
          return;
        }
        set({ busy: 'testing', checks: null, tested: null, testError: null });
        const res = await api.call('settings.testDraft', input);
        set({ busy: 'idle' });
        if (!res.ok) {
          set({ testError: res.error });
          return;
        }
        const { checks, corpId, saved } = res.value;
        set({ checks, tested: { corpId, saved } });
        // Only the configuration in use can be synced from; a draft must be saved first.
        if (saved && checks.some((c) => c.target === 'contacts' && c.ok)) options.onContactsReachable?.();
      },

      async resetToDemo(opts = {}) {
        set({ busy: 'resetting', actionError: null, pendingSwitch: null });
        const res = await api.call(
          'settings.resetToDemo',
          opts.confirmCorpSwitch ? { confirmCorpSwitch: true } : {},
        );
        set({ busy: 'idle' });
        if (!res.ok) {
          if (res.error.code === 'CORP_SWITCH_PENDING')
            set({ pendingSwitch: pendingSwitchOf('reset', res.error) });
          else set({ actionError: res.error });
          return false;
        }
        changed(res.value);
        return true;
      },

      async confirmSwitch() {
        const pending = get().pendingSwitch;
        if (!pending) return false;
        return pending.action === 'save'
          ? get().save({ confirmCorpSwitch: true })
          : get().resetToDemo({ confirmCorpSwitch: true });
      },

      cancelSwitch() {
        set({ pendingSwitch: null });
      },
    };
  });
}
