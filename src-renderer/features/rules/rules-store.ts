import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, Change, Rule, RulePreview } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import type { LoadStatus } from '../org/org-store';
import type { RuleDraft } from './rule-presets';

export interface RulesState {
  status: LoadStatus;
  loadError: AppErrorShape | null;
  rules: Rule[];
  preview: RulePreview | null;
  previewing: boolean;
  previewError: AppErrorShape | null;
  /** The draft the preview belongs to (JSON), so a stale preview is not shown for an edited draft. */
  previewKey: string | null;
  saving: boolean;
  applying: boolean;

  load(): Promise<void>;
  runPreview(draft: RuleDraft): Promise<void>;
  clearPreview(): void;
  save(draft: RuleDraft): Promise<{ ok: true; rule: Rule } | { ok: false; error: AppErrorShape }>;
  remove(id: number): Promise<AppErrorShape | null>;
  /** Stages the rule's (or all enabled rules') changes; change null = already in line. */
  apply(id?: number): Promise<{ ok: true; change: Change | null } | { ok: false; error: AppErrorShape }>;
}

export type RulesStore = StoreApi<RulesState>;

export const draftKey = (d: RuleDraft): string => JSON.stringify(d);

export function createRulesStore(api: Api, options: { onStaged?: () => void } = {}): RulesStore {
  let previewSeq = 0;
  return createStore<RulesState>()((set, get) => ({
    status: 'idle',
    loadError: null,
    rules: [],
    preview: null,
    previewing: false,
    previewError: null,
    previewKey: null,
    saving: false,
    applying: false,

    async load() {
      set({ status: get().status === 'ready' ? 'ready' : 'loading', loadError: null });
      const res = await api.call('rules.list', {});
      if (res.ok) set({ rules: res.value.rules, status: 'ready' });
      else set({ status: get().status === 'ready' ? 'ready' : 'error', loadError: res.error });
    },

    async runPreview(draft) {
      const seq = ++previewSeq;
      set({ previewing: true, previewError: null });
      const res = await api.call('rules.preview', draft);
      if (seq !== previewSeq) return;
      if (res.ok) set({ preview: res.value, previewKey: draftKey(draft), previewing: false });
      else set({ preview: null, previewKey: null, previewing: false, previewError: res.error });
    },

    clearPreview() {
      previewSeq++;
      set({ preview: null, previewKey: null, previewError: null, previewing: false });
    },

    async save(draft) {
      set({ saving: true });
      const res = await api.call('rules.save', draft);
      set({ saving: false });
      if (!res.ok) return { ok: false, error: res.error };
      await get().load();
      return { ok: true, rule: res.value.rule };
    },

    async remove(id) {
      const res = await api.call('rules.delete', { id });
      if (!res.ok) return res.error;
      set({ rules: get().rules.filter((r) => r.id !== id) });
      return null;
    },

    async apply(id) {
      set({ applying: true });
      const res = await api.call('rules.apply', id === undefined ? {} : { id });
      set({ applying: false });
      if (!res.ok) return { ok: false, error: res.error };
      if (res.value.change) options.onStaged?.();
      return { ok: true, change: res.value.change };
    },
  }));
}
