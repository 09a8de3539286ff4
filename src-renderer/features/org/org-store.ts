import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, Department, Member, Result, SyncState } from '../../../src-main/contract';

/** Rows per index message: about 250 kB of JSON, parsed and indexed well inside 50 ms on a slow PC. */
const INDEX_PAGE = 2500;
import type { Api } from '../../bridge/types';
import { followJob, followRunningJob, type FollowHandlers } from '../../stores/job-follower';
import { subtreeCounts } from './dept-counts';
import { buildDeptTree, initialExpanded, type DeptTree } from './dept-tree-model';
import {
  buildSearchIndex,
  DEFAULT_SEARCH_LIMIT,
  searchMembers,
  appendToSearchIndex,
  type SearchIndex,
  type SearchResult,
} from './member-search';

/** Ends the current task: the work after it runs in a new one, with input and paint in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Counts the subtree headcounts of a tree and index pair ahead of its render (they are cached). */
function warmCounts(tree: DeptTree | null, index: SearchIndex | null): boolean {
  if (!tree || !index || index.rows.length === 0) return false;
  subtreeCounts(tree, index);
  return true;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SyncProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}

export interface OrgState {
  status: LoadStatus;
  loadError: AppErrorShape | null;
  departments: Department[];
  tree: DeptTree | null;
  index: SearchIndex | null;
  syncState: SyncState | null;

  selectedDeptId: number | null;
  /** Tree item ids (department ids as strings) that are expanded; kept here so it survives page switches. */
  expandedIds: string[];
  members: Member[];
  membersStatus: LoadStatus;
  membersError: AppErrorShape | null;

  query: string;
  /** null while the query is empty. */
  search: SearchResult | null;

  /** Non-null while a sync job runs (started here or found running at load). */
  sync: SyncProgress | null;
  /** Set while org.startSync is in flight, before a jobId is known. */
  syncStarting: boolean;
  syncError: AppErrorShape | null;
  /** Bumped when a sync finishes fine; the page uses it for a short "同步完成" notice. */
  syncCompletedAt: number | null;

  /** Non-null while member rows are being dragged towards the tree (drives the drop hint). */
  memberDrag: MemberDrag | null;

  load(): Promise<void>;
  setMemberDrag(drag: MemberDrag | null): void;
  selectDepartment(id: number | null): Promise<void>;
  setQuery(query: string): void;
  setExpanded(ids: string[]): void;
  /** Jump from a search hit to its department: expand the path, select it, clear the search. */
  revealDepartment(id: number): Promise<void>;
  startSync(): Promise<void>;
  dismissSyncError(): void;
  /** Stops listening to events; for tests and hot reload. */
  dispose(): void;

  /** A person chosen from search results: the member table selects and shows them once. */
  revealedUserid: string | null;
  /**
   * Jump from a search hit to the person: expand the path, select their department, and keep the
   * query in the box (the results come back with Enter) while the table shows the department.
   */
  revealMember(userid: string, departmentId: number): Promise<void>;
  clearRevealedMember(): void;
}

export type OrgStore = StoreApi<OrgState>;

export interface MemberDrag {
  userids: string[];
  /** The department the rows were dragged from (null for search hits). */
  sourceDeptId: number | null;
  /** Ctrl/Alt held: add the target department instead of moving. */
  add: boolean;
}

export interface OrgStoreOptions {
  searchLimit?: number;
}

export function createOrgStore(api: Api, options: OrgStoreOptions = {}): OrgStore {
  const searchLimit = options.searchLimit ?? DEFAULT_SEARCH_LIMIT;
  // Ignore answers that arrive after a newer request of the same kind.
  let loadSeq = 0;
  let membersSeq = 0;
  // Aborted on dispose: a followed sync stops reporting.
  const jobs = new AbortController();
  const syncHandlers = (): FollowHandlers => ({
    kind: 'org.sync',
    signal: jobs.signal,
    onProgress: (sync) => store.setState({ sync }),
    onFinished: (outcome) => {
      store.setState({
        sync: null,
        syncError: outcome.ok ? null : outcome.error,
        syncCompletedAt: outcome.ok ? Date.now() : store.getState().syncCompletedAt,
      });
      // Reload in both cases: a failed sync may still have written part, and lastSyncAt may move.
      void store.getState().load();
    },
  });

  const store = createStore<OrgState>()((set, get) => {
    /**
     * The member index in pages: each message stays small, so loading never blocks input. The first
     * page names the revision already held; when main answers "unchanged" (a department move, a tag
     * edit) the current index is kept as it is, with no 50,000 rows fetched and indexed again.
     */
    async function loadIndexPaged(stale: () => boolean): Promise<Result<SearchIndex>> {
      const t0 = performance.now();
      const current = get().index;
      let index: SearchIndex | null = null;
      let revision: string | undefined;
      for (let offset = 0, restarts = 0; ; offset += INDEX_PAGE) {
        const knownRevision = offset === 0 ? current?.revision : undefined;
        const r = await api.call('org.getMemberIndex', {
          offset,
          limit: INDEX_PAGE,
          ...(knownRevision !== undefined ? { knownRevision } : {}),
        });
        if (!r.ok) return r;
        // A newer load started: stop fetching for this one (its answer is dropped anyway).
        if (stale()) return { ok: true, value: index ?? buildSearchIndex([]) };
        if (r.value.unchanged && current) {
          performance.measure('member-index-load', { start: t0, end: performance.now() });
          return { ok: true, value: current };
        }
        // The index changed between two pages (an edit staged meanwhile): start over, so pages of
        // two versions are never mixed. Bounded, in case it keeps changing.
        if (offset > 0 && r.value.revision !== revision && restarts < 3) {
          restarts++;
          offset = -INDEX_PAGE;
          index = null;
          continue;
        }
        if (offset === 0) {
          revision = r.value.revision;
          index = buildSearchIndex([]);
          index.revision = revision;
        }
        appendToSearchIndex(index!, r.value.rows);
        // A short page also ends it, so a wrong total can never loop forever.
        if (r.value.rows.length < INDEX_PAGE || offset + INDEX_PAGE >= r.value.total) {
          // Timed under a stable name so `npm run bench` can find the load's window.
          performance.measure('member-index-load', { start: t0, end: performance.now() });
          return { ok: true, value: index! };
        }
      }
    }

    async function reloadMembers(): Promise<void> {
      const id = get().selectedDeptId;
      const seq = ++membersSeq;
      if (id === null) {
        set({ members: [], membersStatus: 'idle', membersError: null });
        return;
      }
      set({ membersStatus: 'loading', membersError: null });
      const res = await api.call('org.listMembers', { departmentId: id });
      if (seq !== membersSeq) return;
      if (res.ok) set({ members: res.value.members, membersStatus: 'ready' });
      else set({ members: [], membersStatus: 'error', membersError: res.error });
    }

    return {
      status: 'idle',
      loadError: null,
      departments: [],
      tree: null,
      index: null,
      syncState: null,
      selectedDeptId: null,
      expandedIds: [],
      members: [],
      membersStatus: 'idle',
      membersError: null,
      query: '',
      search: null,
      sync: null,
      syncStarting: false,
      syncError: null,
      syncCompletedAt: null,
      memberDrag: null,

      setMemberDrag(drag) {
        const cur = get().memberDrag;
        if (cur === drag || (cur && drag && cur.add === drag.add && cur.userids === drag.userids)) return;
        set({ memberDrag: drag });
      },

      async load() {
        const t0 = performance.now();
        const seq = ++loadSeq;
        set({ status: get().tree ? 'ready' : 'loading', loadError: null });
        // The tree shows as soon as it arrives; the member index streams in behind it and replaces
        // the previous one only when complete, so search keeps working on the old one meanwhile.
        const indexLoad = loadIndexPaged(() => seq !== loadSeq);
        const [treeRes, stateRes] = await Promise.all([
          api.call('org.getTree', {}),
          api.call('org.getSyncState', {}),
        ]);
        if (seq !== loadSeq) return;
        const failure = [treeRes, stateRes].find((r) => !r.ok);
        if (failure && !failure.ok) {
          // Keep what is already shown; the cache stays useful when a reload fails.
          set({ status: get().tree ? 'ready' : 'error', loadError: failure.error });
          return;
        }
        if (!treeRes.ok || !stateRes.ok) return;
        // Parsing the reply, building the tree and rendering it are three tasks, not one long one.
        await nextTask();
        if (seq !== loadSeq) return;
        const departments = treeRes.value.departments;
        const tree = buildDeptTree(departments);
        await nextTask();
        if (seq !== loadSeq) return;
        // The headcounts the tree shows, counted here in a task of their own rather than in its render.
        if (warmCounts(tree, get().index)) {
          await nextTask();
          if (seq !== loadSeq) return;
        }
        const syncState = stateRes.value;
        const { selectedDeptId, sync, tree: previous, expandedIds } = get();
        const keepSelection = selectedDeptId !== null && tree.byId.has(selectedDeptId);
        set({
          // First data: open the top levels. Later reloads keep what the user opened.
          expandedIds: previous && previous.byId.size > 0 ? expandedIds : initialExpanded(tree).map(String),
          status: 'ready',
          loadError: null,
          departments,
          tree,
          syncState,
          selectedDeptId: keepSelection ? selectedDeptId : (tree.roots[0] ?? null),
        });
        // A sync started elsewhere (CLI, another window, before a reload) is still shown.
        if (syncState.runningJobId && !sync) {
          set({ sync: { jobId: syncState.runningJobId, phase: 'starting', done: 0, total: 0 } });
          void followRunningJob(api, syncState.runningJobId, syncHandlers());
        }
        const [indexRes] = await Promise.all([indexLoad, reloadMembers()]);
        if (seq !== loadSeq) return;
        if (!indexRes.ok) {
          set({ loadError: indexRes.error });
          return;
        }
        const index = indexRes.value;
        // The same index as before: nothing to re-render and the search results still hold.
        if (index !== get().index) {
          // The last page was indexed in this task; the render of the counts and table gets its own.
          await nextTask();
          if (seq !== loadSeq) return;
          if (warmCounts(get().tree, index)) {
            await nextTask();
            if (seq !== loadSeq) return;
          }
          const query = get().query;
          set({ index, search: query.trim() !== '' ? searchMembers(index, query, searchLimit) : null });
        }
        performance.measure('org-load', { start: t0, end: performance.now() });
      },

      async selectDepartment(id) {
        if (id === get().selectedDeptId && get().membersStatus !== 'error') return;
        set({ selectedDeptId: id });
        await reloadMembers();
      },

      setQuery(query) {
        const index = get().index;
        // Timed under a stable name so `npm run bench` can read the per-keystroke cost from the page.
        const t0 = performance.now();
        const search = index && query.trim() !== '' ? searchMembers(index, query, searchLimit) : null;
        if (search) performance.measure('member-search', { start: t0, end: performance.now() });
        set({ query, search });
      },

      setExpanded(ids) {
        set({ expandedIds: ids });
      },

      async revealDepartment(id) {
        const tree = get().tree;
        if (!tree?.byId.has(id)) return;
        const path: string[] = [];
        const seen = new Set<number>();
        let cur = tree.byId.get(id)?.parentid;
        while (cur !== undefined && tree.byId.has(cur) && !seen.has(cur)) {
          seen.add(cur);
          path.push(String(cur));
          cur = tree.byId.get(cur)?.parentid;
        }
        const expanded = new Set(get().expandedIds);
        for (const p of path) expanded.add(p);
        set({ expandedIds: [...expanded], query: '', search: null });
        await get().selectDepartment(id);
      },

      async startSync() {
        if (get().sync || get().syncStarting) return;
        set({ syncStarting: true, syncError: null });
        const res = await followJob(api, () => api.call('org.startSync', {}), {
          ...syncHandlers(),
          // Another run is already going: follow it instead of reporting an error.
          findRunning: async () => {
            const state = await api.call('org.getSyncState', {});
            if (!state.ok) return null;
            set({ syncState: state.value });
            return state.value.runningJobId;
          },
        });
        set({ syncStarting: false });
        if (!res.ok) set({ syncError: res.error });
      },

      dismissSyncError() {
        set({ syncError: null });
      },

      dispose() {
        jobs.abort();
        for (const off of unsubscribers) off();
      },

      revealedUserid: null,

      async revealMember(userid, departmentId) {
        const query = get().query;
        await get().revealDepartment(departmentId);
        if (!get().tree?.byId.has(departmentId)) return;
        set({ query, revealedUserid: userid });
      },

      clearRevealedMember() {
        if (get().revealedUserid !== null) set({ revealedUserid: null });
      },
    };
  });

  const unsubscribers = [
    // Someone else refreshed the cache (CLI, a finished outbox run): show it.
    api.subscribe('org.cacheChanged', () => {
      if (!store.getState().sync && store.getState().status !== 'idle') void store.getState().load();
    }),
  ];

  return store;
}
