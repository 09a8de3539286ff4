import type { ContactsCall } from '../../../../contract/outbox';

export interface PlannedCall {
  seq: number;
  /** A domain call; department/tag ids < 0 refer to creates earlier in the same plan. */
  call: ContactsCall;
  entity: 'department' | 'member' | 'tag';
  key: string;
  summary: string;
  /** Entity state before / after the call, for the audit log. */
  before: unknown | null;
  after: unknown | null;
}

/** A call before the orchestrator numbers it. */
export type Draft = Omit<PlannedCall, 'seq'>;

/** WeCom caps per tag membership call (API.md §2.3). */
export const TAG_USERS_PER_CALL = 1000;
export const TAG_PARTIES_PER_CALL = 100;
