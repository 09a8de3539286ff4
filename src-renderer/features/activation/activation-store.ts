import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorShape, ProcOutput } from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import { downloadCsv, type DownloadEnv } from '../../lib/download';
import type { LoadStatus } from '../org/org-store';

export type ActivationReport = ProcOutput<'activation.report'>;
export type NotJoinedMember = ProcOutput<'activation.listNotJoined'>['members'][number];
export type InviteResult = ProcOutput<'activation.invite'>['results'][number];

/** The last invite and who was invited within the day (lower-case userids): not invited again. */
export interface InviteStatus {
  lastAt: string | null;
  lastCount: number;
  recent: ReadonlySet<string>;
}

export interface ActivationState {
  status: LoadStatus;
  loadError: AppErrorShape | null;
  report: ActivationReport | null;
  /** undefined = nothing picked; null = all departments. */
  selectedDeptId: number | null | undefined;
  notJoined: NotJoinedMember[];
  notJoinedStatus: LoadStatus;
  notJoinedError: AppErrorShape | null;
  inviting: boolean;
  inviteResults: InviteResult[] | null;
  inviteError: AppErrorShape | null;
  /** null until read (or when it could not be read: the guard in main still applies). */
  inviteStatus: InviteStatus | null;

  load(): Promise<void>;
  selectDepartment(id: number | null): Promise<void>;
  invite(userids: string[] | 'all'): Promise<void>;
  exportCsv(departmentId?: number): Promise<AppErrorShape | null>;
  clearInviteResults(): void;
}

export type ActivationStore = StoreApi<ActivationState>;

/** Whether a not-joined member was invited within the day (main refuses to invite them again). */
export function invitedRecently(status: InviteStatus | null, userid: string): boolean {
  return status?.recent.has(userid.toLowerCase()) ?? false;
}

/** Percentage of members who joined, among those who could (disabled and left do not count). */
export function activationRate(row: { active: number; notJoined: number }): number {
  const base = row.active + row.notJoined;
  return base === 0 ? 100 : Math.round((row.active / base) * 1000) / 10;
}

export function createActivationStore(api: Api, env?: DownloadEnv): ActivationStore {
  let listSeq = 0;
  return createStore<ActivationState>()((set, get) => ({
    status: 'idle',
    loadError: null,
    report: null,
    selectedDeptId: undefined,
    notJoined: [],
    notJoinedStatus: 'idle',
    notJoinedError: null,
    inviting: false,
    inviteResults: null,
    inviteError: null,
    inviteStatus: null,

    async load() {
      set({ status: get().report ? 'ready' : 'loading', loadError: null });
      const [res, invites] = await Promise.all([
        api.call('activation.report', {}),
        api.call('activation.inviteStatus', {}),
      ]);
      if (res.ok) set({ report: res.value, status: 'ready' });
      else set({ status: get().report ? 'ready' : 'error', loadError: res.error });
      if (invites.ok)
        set({
          inviteStatus: {
            lastAt: invites.value.lastAt,
            lastCount: invites.value.lastCount,
            recent: new Set(invites.value.recent),
          },
        });
    },

    async selectDepartment(id) {
      const seq = ++listSeq;
      set({ selectedDeptId: id, notJoinedStatus: 'loading', notJoinedError: null });
      const res = await api.call('activation.listNotJoined', id === null ? {} : { departmentId: id });
      if (seq !== listSeq) return;
      if (res.ok) set({ notJoined: res.value.members, notJoinedStatus: 'ready' });
      else set({ notJoined: [], notJoinedStatus: 'error', notJoinedError: res.error });
    },

    async invite(userids) {
      if (userids !== 'all' && userids.length === 0) return;
      set({ inviting: true, inviteError: null, inviteResults: null });
      const res = await api.call('activation.invite', userids === 'all' ? { all: true } : { userids });
      if (!res.ok) {
        set({ inviting: false, inviteError: res.error });
        return;
      }
      set({ inviting: false, inviteResults: res.value.results });
      // Invites do not change statuses at once, but the report's numbers may have moved meanwhile.
      void get().load();
    },

    async exportCsv(departmentId) {
      const res = await api.call('activation.export', departmentId === undefined ? {} : { departmentId });
      if (!res.ok) return res.error;
      downloadCsv(res.value.filename, res.value.csv, env);
      return null;
    },

    clearInviteResults() {
      set({ inviteResults: null, inviteError: null });
    },
  }));
}
