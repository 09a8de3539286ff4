import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, AuditEntry } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import type { LoadStatus } from '../org/org-store';

export const AUDIT_PAGE = 100;

export interface AuditState {
  status: LoadStatus;
  error: AppErrorShape | null;
  entries: AuditEntry[];
  /** False once a page came back shorter than AUDIT_PAGE. */
  hasMore: boolean;
  loadingMore: boolean;
  load(): Promise<void>;
  loadMore(): Promise<void>;
}

export type AuditStore = StoreApi<AuditState>;

/** 操作记录: every call that reached WeCom, newest first, paged by id. */
export function createAuditStore(api: Api): AuditStore {
  return createStore<AuditState>()((set, get) => ({
    status: 'idle',
    error: null,
    entries: [],
    hasMore: false,
    loadingMore: false,

    async load() {
      set({ status: get().entries.length ? 'ready' : 'loading', error: null });
      const r = await api.call('audit.list', { limit: AUDIT_PAGE });
      if (!r.ok) {
        set({ status: 'error', error: r.error });
        return;
      }
      set({ status: 'ready', entries: r.value.entries, hasMore: r.value.entries.length === AUDIT_PAGE });
    },

    async loadMore() {
      const last = get().entries.at(-1);
      if (!last || get().loadingMore) return;
      set({ loadingMore: true });
      const r = await api.call('audit.list', { limit: AUDIT_PAGE, beforeId: last.id });
      if (!r.ok) {
        set({ loadingMore: false, error: r.error });
        return;
      }
      set({
        loadingMore: false,
        entries: [...get().entries, ...r.value.entries],
        hasMore: r.value.entries.length === AUDIT_PAGE,
      });
    },
  }));
}
