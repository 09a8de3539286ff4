import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppErrorShape,
  Change,
  ChangeOp,
  Conflict,
  DiffLine,
  OutboxOp,
  PushPreview,
  Result,
} from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import { followJob, followRunningJob, type FollowHandlers } from '../../stores/job-follower';
import { outcomeOf, runOps, trackPhase, type PhaseBars, type PushOutcome } from './push-outcome';

export interface Issue {
  path: string;
  message: string;
}

export type StageResult = { ok: true; change: Change } | { ok: false; error: AppErrorShape; issues: Issue[] };

export interface PushProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}

export interface ChangesState {
  changes: Change[];
  canUndo: boolean;
  canRedo: boolean;
  diff: DiffLine[];
  loaded: boolean;
  loadError: AppErrorShape | null;
  /** Set while a stage/undo/redo/discard call is in flight; buttons wait for it. */
  busy: boolean;

  push: PushProgress | null;
  pushStarting: boolean;
  pushError: AppErrorShape | null;
  /** Bumped when a push finishes fine; the UI shows a success summary. */
  pushDoneAt: number | null;
  conflicts: Conflict[];
  outbox: OutboxOp[];
  /** One bar per push step of the current run; cleared when a push starts. */
  pushPhases: PhaseBars;
  /** What the latest run ended with, counted over its own rows; null while running or before any. */
  pushOutcome: PushOutcome | null;
  /** Batches of the latest run (main's word); older closed rows are history, not this push. */
  lastRunBatchIds: number[] | null;
  /** The push dialog is open (the header and the change list both open it). */
  pushDialogOpen: boolean;
  /** The confirmation step before a push: what it would write, by kind. */
  pushConfirm: { loading: boolean; preview: PushPreview | null } | null;

  refresh(): Promise<void>;
  stage(label: string, ops: ChangeOp[]): Promise<StageResult>;
  undo(): Promise<AppErrorShape | null>;
  redo(): Promise<AppErrorShape | null>;
  discard(changeId?: number): Promise<AppErrorShape | null>;
  startPush(): Promise<void>;
  /** 「重试」: all failed calls, or the ones named, go out again in a new push run. */
  retryFailed(ids?: number[]): Promise<void>;
  /** 「跳过」 / 「以企业微信为准」 for one failed call. */
  settleFailed(id: number, how: 'skip' | 'takeTheirs'): Promise<AppErrorShape | null>;
  loadPushState(): Promise<void>;
  resolveConflict(changeId: number, keep: 'mine' | 'theirs'): Promise<AppErrorShape | null>;
  dismissPushError(): void;
  /** 「推送到企业微信」: opens the dialog with the confirmation summary (or the run already going). */
  requestPush(): Promise<void>;
  /** The clerk confirmed the summary: the push starts. */
  confirmPush(): Promise<void>;
  cancelConfirm(): void;
  setPushDialogOpen(open: boolean): void;
  dispose(): void;
}

export type ChangesStore = StoreApi<ChangesState>;

export interface ChangesStoreOptions {
  /** The working copy changed (stage, undo, push…): reload tree and members. */
  onWorkingCopyChanged?: () => void;
  /** Coalesces bursts of orgEdit.changed events; tests pass 0. */
  eventDebounceMs?: number;
}

/** INVALID_INPUT from orgEdit.stage carries details.issues (typed by the contract), in Chinese. */
export function issuesOf(error: AppErrorShape): Issue[] {
  return error.details?.issues ?? [];
}

/**
 * A push that ran to the end but left calls WeCom refused (WECOM_REQUEST_REJECTED with details.failed):
 * everything else was applied, and the failed calls wait for the clerk. Their count, else null.
 */
export function failedCallsOf(error: AppErrorShape | null): number | null {
  if (error?.code !== 'WECOM_REQUEST_REJECTED') return null;
  const failed = error.details?.failed;
  return typeof failed === 'number' && failed > 0 ? failed : null;
}

/** A job that ended without an error envelope (should not happen): still not a success. */
const unknownFailure: AppErrorShape = {
  code: 'INTERNAL',
  message: 'push ended without an error',
  retryable: false,
  correlationId: '',
};

export function createChangesStore(api: Api, options: ChangesStoreOptions = {}): ChangesStore {
  const debounceMs = options.eventDebounceMs ?? 80;
  const notify = () => {
    try {
      options.onWorkingCopyChanged?.();
    } catch {
      // A listener bug must not break the change list.
    }
  };
  let refreshSeq = 0;
  let eventTimer: ReturnType<typeof setTimeout> | null = null;
  // Aborted on dispose: a followed push stops reporting.
  const jobs = new AbortController();
  const pushHandlers = (): FollowHandlers => ({
    kind: 'org.push',
    initialPhase: 'pull',
    signal: jobs.signal,
    onProgress: (push) =>
      store.setState((s) => ({
        push,
        pushPhases: trackPhase(s.pushPhases, push.phase, push.done, push.total),
      })),
    onFinished: (outcome) => {
      const error = outcome.ok ? null : outcome.error;
      store.setState({
        push: null,
        pushError: error,
        pushDoneAt: outcome.ok ? Date.now() : null,
      });
      // Conflicts and per-op results live in the push state; both outcomes change the working copy.
      void Promise.all([store.getState().loadPushState(), store.getState().refresh()]).then(() => {
        const s = store.getState();
        const failure = error ?? (outcome.ok ? null : unknownFailure);
        store.setState({ pushOutcome: outcomeOf(failure, runOps(s.outbox, s.lastRunBatchIds)) });
        notify();
      });
    },
  });

  const store = createStore<ChangesState>()((set, get) => {
    /** Starts a push/retry job and follows it; a run already going is followed instead. */
    async function startJob(start: () => Promise<Result<{ jobId: string }>>): Promise<void> {
      if (get().push || get().pushStarting) return;
      // A new run starts clean: the previous run's rows, bars and headline are not this push.
      set({
        pushStarting: true,
        pushError: null,
        pushDoneAt: null,
        pushOutcome: null,
        pushPhases: {},
        outbox: [],
        pushConfirm: null,
      });
      let fresh = true;
      const res = await followJob(api, start, {
        ...pushHandlers(),
        findRunning: async () => {
          fresh = false;
          const state = await api.call('orgEdit.getPushState', {});
          if (!state.ok) return null;
          set({ conflicts: state.value.conflicts, outbox: state.value.ops });
          return state.value.runningJobId;
        },
      });
      set({ pushStarting: false });
      if (!res.ok) set({ pushError: res.error, pushOutcome: outcomeOf(res.error, []) });
      // A new run starts with no conflicts; they come back with its end if there are any.
      else if (fresh) set({ conflicts: [] });
    }

    async function simple(
      run: () => Promise<{ ok: boolean; error?: AppErrorShape }>,
    ): Promise<AppErrorShape | null> {
      set({ busy: true });
      const res = await run();
      if (!res.ok) {
        set({ busy: false });
        return res.error ?? null;
      }
      await get().refresh();
      set({ busy: false });
      notify();
      return null;
    }

    return {
      changes: [],
      canUndo: false,
      canRedo: false,
      diff: [],
      loaded: false,
      loadError: null,
      busy: false,
      push: null,
      pushStarting: false,
      pushError: null,
      pushDoneAt: null,
      conflicts: [],
      outbox: [],
      pushPhases: {},
      pushOutcome: null,
      lastRunBatchIds: null,
      pushDialogOpen: false,
      pushConfirm: null,

      async refresh() {
        const seq = ++refreshSeq;
        const res = await api.call('orgEdit.listChanges', {});
        if (seq !== refreshSeq) return;
        if (!res.ok) {
          set({ loadError: res.error });
          return;
        }
        const { changes, canUndo, canRedo, diff } = res.value;
        set({ changes, canUndo, canRedo, diff, loaded: true, loadError: null });
      },

      async stage(label, ops) {
        set({ busy: true });
        const res = await api.call('orgEdit.stage', { label, ops });
        if (!res.ok) {
          set({ busy: false });
          return { ok: false, error: res.error, issues: issuesOf(res.error) };
        }
        // Busy until the list is fresh, so the orgEdit.changed echo of our own call is ignored.
        await get().refresh();
        set({ busy: false });
        notify();
        return { ok: true, change: res.value.change };
      },

      undo: () => simple(() => api.call('orgEdit.undo', {})),
      redo: () => simple(() => api.call('orgEdit.redo', {})),
      discard: (changeId) =>
        simple(() => api.call('orgEdit.discard', changeId === undefined ? {} : { changeId })),

      startPush: () => startJob(() => api.call('orgEdit.startPush', {})),
      retryFailed: (ids) => startJob(() => api.call('orgEdit.retryFailed', ids ? { ids } : {})),

      async settleFailed(id, how) {
        const res = await api.call('orgEdit.settleFailed', { id, how });
        if (!res.ok) return res.error;
        // Optimistic: the row leaves the open list at once; the reload below brings the truth.
        set({
          outbox: get().outbox.map((o) => (o.id === id ? { ...o, status: 'skipped' as const } : o)),
        });
        await Promise.all([get().loadPushState(), get().refresh()]);
        notify();
        return null;
      },

      async loadPushState() {
        const res = await api.call('orgEdit.getPushState', {});
        if (!res.ok) return;
        const { conflicts, ops, runningJobId, lastRunBatchIds } = res.value;
        set({ conflicts, outbox: ops, lastRunBatchIds: lastRunBatchIds ?? null });
        // A push started before a reload (or from another window) is still shown.
        if (runningJobId && !get().push && !get().pushStarting) {
          set({ push: { jobId: runningJobId, phase: 'pull', done: 0, total: 0 } });
          void followRunningJob(api, runningJobId, pushHandlers());
        }
      },

      async resolveConflict(changeId, keep) {
        const res = await api.call('orgEdit.resolveConflict', { changeId, keep });
        if (!res.ok) return res.error;
        // Optimistic: the card goes away at once; the reload below brings the truth.
        set({ conflicts: get().conflicts.filter((c) => c.changeId !== changeId) });
        await Promise.all([get().loadPushState(), get().refresh()]);
        notify();
        return null;
      },

      dismissPushError() {
        set({ pushError: null });
      },

      async requestPush() {
        set({ pushDialogOpen: true });
        if (get().push || get().pushStarting) return;
        set({ pushConfirm: { loading: true, preview: null } });
        const res = await api.call('orgEdit.previewPush', {});
        if (!get().pushConfirm) return; // cancelled meanwhile
        // No summary (not synced, offline…): the push itself says why it cannot run.
        if (!res.ok) await get().confirmPush();
        else set({ pushConfirm: { loading: false, preview: res.value } });
      },

      confirmPush: () => startJob(() => api.call('orgEdit.startPush', {})),

      cancelConfirm() {
        set({ pushConfirm: null });
      },

      setPushDialogOpen(open) {
        set(open ? { pushDialogOpen: true } : { pushDialogOpen: false, pushConfirm: null });
      },

      dispose() {
        jobs.abort();
        if (eventTimer) clearTimeout(eventTimer);
        for (const off of unsubscribers) off();
      },
    };
  });

  const unsubscribers = [
    api.subscribe('orgEdit.changed', ({ pending }) => {
      const s = store.getState();
      // Our own stage/undo already reloaded; skip the echo when the count already matches.
      if (s.busy || (s.loaded && pending === s.changes.length && !s.push)) return;
      if (eventTimer) clearTimeout(eventTimer);
      eventTimer = setTimeout(() => {
        eventTimer = null;
        void store.getState().refresh().then(notify);
      }, debounceMs);
    }),
  ];

  return store;
}
