import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, Tag } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import type { LoadStatus } from '../org/org-store';

export interface TagMembers {
  members: Array<{ userid: string; name: string }>;
  departmentIds: number[];
}

export interface TagsState {
  status: LoadStatus;
  loadError: AppErrorShape | null;
  tags: Tag[];
  selectedTagId: number | null;
  detail: TagMembers | null;
  detailStatus: LoadStatus;
  detailError: AppErrorShape | null;

  load(): Promise<void>;
  select(tagid: number | null): Promise<void>;
  /** Reload list and the open tag (after a stage or an orgEdit.changed event). */
  reload(): Promise<void>;
}

export type TagsStore = StoreApi<TagsState>;

export function createTagsStore(api: Api): TagsStore {
  let detailSeq = 0;
  return createStore<TagsState>()((set, get) => {
    async function loadDetail(): Promise<void> {
      const id = get().selectedTagId;
      const seq = ++detailSeq;
      if (id === null) {
        set({ detail: null, detailStatus: 'idle', detailError: null });
        return;
      }
      set({ detailStatus: 'loading', detailError: null });
      const res = await api.call('org.getTagMembers', { tagid: id });
      if (seq !== detailSeq) return;
      if (res.ok) set({ detail: res.value, detailStatus: 'ready' });
      else set({ detail: null, detailStatus: 'error', detailError: res.error });
    }

    return {
      status: 'idle',
      loadError: null,
      tags: [],
      selectedTagId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,

      async load() {
        set({ status: get().status === 'ready' ? 'ready' : 'loading', loadError: null });
        const res = await api.call('org.listTags', {});
        if (!res.ok) {
          set({ status: get().status === 'ready' ? 'ready' : 'error', loadError: res.error });
          return;
        }
        const tags = res.value.tags;
        const selected = get().selectedTagId;
        const keep = selected !== null && tags.some((t) => t.tagid === selected);
        set({ tags, status: 'ready', selectedTagId: keep ? selected : (tags[0]?.tagid ?? null) });
        await loadDetail();
      },

      async select(tagid) {
        set({ selectedTagId: tagid });
        await loadDetail();
      },

      async reload() {
        await get().load();
      },
    };
  });
}
