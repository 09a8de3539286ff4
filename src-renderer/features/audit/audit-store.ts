import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, AuditEntry, AuditFilter } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import type { LoadStatus } from '../org/org-store';
import { downloadBytes, type DownloadEnv } from '../../lib/download';

export const AUDIT_PAGE = 100;

export interface AuditState {
  status: LoadStatus;
  error: AppErrorShape | null;
  entries: AuditEntry[];
  /** False once a page came back shorter than AUDIT_PAGE. */
  hasMore: boolean;
  loadingMore: boolean;
  /** The filters shown on the page; the list and the export both use them. */
  filter: AuditFilter;
  exporting: boolean;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** Replaces the filters and reloads from the newest entry. */
  setFilter(filter: AuditFilter): Promise<void>;
  /** Saves the filtered 操作记录 as .xlsx; answers the row count, or the error. */
  exportXlsx(env?: DownloadEnv): Promise<{ rows: number } | { error: AppErrorShape }>;
}

export type AuditStore = StoreApi<AuditState>;

/** Only the filters that are set: the contract is strict and '' is not a filter. */
function cleaned(f: AuditFilter): AuditFilter {
  const out: AuditFilter = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.kind) out.kind = f.kind;
  if (f.departmentId !== undefined) out.departmentId = f.departmentId;
  if (f.person?.trim()) out.person = f.person.trim();
  return out;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 操作记录: every call that reached WeCom, newest first, paged by id, filtered on the main side. */
export function createAuditStore(api: Api): AuditStore {
  const withFilter = (filter: AuditFilter) => {
    const f = cleaned(filter);
    return Object.keys(f).length > 0 ? { filter: f } : {};
  };
  // A reload started by a newer filter wins over an older one still in flight.
  let generation = 0;
  return createStore<AuditState>()((set, get) => ({
    status: 'idle',
    error: null,
    entries: [],
    hasMore: false,
    loadingMore: false,
    filter: {},
    exporting: false,

    async load() {
      const mine = ++generation;
      set({ status: get().entries.length ? 'ready' : 'loading', error: null });
      const r = await api.call('audit.list', { limit: AUDIT_PAGE, ...withFilter(get().filter) });
      if (mine !== generation) return;
      if (!r.ok) {
        set({ status: 'error', error: r.error });
        return;
      }
      set({ status: 'ready', entries: r.value.entries, hasMore: r.value.entries.length === AUDIT_PAGE });
    },

    async loadMore() {
      const last = get().entries.at(-1);
      if (!last || get().loadingMore) return;
      const mine = generation;
      set({ loadingMore: true });
      const r = await api.call('audit.list', {
        limit: AUDIT_PAGE,
        beforeId: last.id,
        ...withFilter(get().filter),
      });
      if (mine !== generation) {
        set({ loadingMore: false });
        return;
      }
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

    async setFilter(filter) {
      set({ filter: cleaned(filter), entries: [], hasMore: false });
      await get().load();
    },

    async exportXlsx(env) {
      set({ exporting: true });
      const r = await api.call('audit.export', withFilter(get().filter));
      set({ exporting: false });
      if (!r.ok) return { error: r.error };
      downloadBytes(r.value.filename, r.value.base64, XLSX_TYPE, env);
      return { rows: r.value.rows };
    },
  }));
}
