import type { AppErrorShape, EventPayload, JobKind, Result } from '../../src-main/contract';
import type { Api } from '../bridge/types';

/** Where a followed job is: its phase and how far along (total 0 = not known yet). */
export interface JobProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}

export type JobOutcome = { ok: true } | { ok: false; error: AppErrorShape | null };

export type FollowStart = { ok: true; jobId: string } | { ok: false; error: AppErrorShape };

export interface FollowHandlers {
  kind: JobKind;
  /** Called once the job id is known (with `initialPhase`, 0/0), then for every progress event. */
  onProgress(progress: JobProgress): void;
  /** Called once, when the job ends; nothing is reported after it. */
  onFinished(outcome: JobOutcome): void;
  /** JOB_RUNNING: the id of the run already going (the store may also refresh its state here). */
  findRunning?: () => Promise<string | null>;
  /** The phase shown before the first progress event; 'starting' unless told. */
  initialPhase?: string;
  /** Stops listening (the store is disposed). */
  signal?: AbortSignal;
}

type JobEvent =
  | { type: 'progress'; payload: EventPayload<'job.progressed'> }
  | { type: 'finished'; payload: EventPayload<'job.finished'> };

/**
 * Starts a long job (org sync, push, retry…) and reports its progress and end. Listening begins
 * before the start call, because main may emit the first events before its answer with the job id
 * arrives; those are kept and replayed. A start refused with JOB_RUNNING follows the run already
 * going when `findRunning` names it. Resolves once the job id is known or the start failed.
 */
export async function followJob(
  api: Api,
  start: () => Promise<Result<{ jobId: string }>>,
  handlers: FollowHandlers,
): Promise<FollowStart> {
  let jobId: string | null = null;
  let done = false;
  const early: JobEvent[] = [];

  const stop = () => {
    done = true;
    for (const off of unsubscribers) off();
    handlers.signal?.removeEventListener('abort', stop);
  };
  const apply = (event: JobEvent) => {
    if (done || event.payload.kind !== handlers.kind) return;
    if (jobId === null) {
      early.push(event);
      return;
    }
    if (event.payload.jobId !== jobId) return;
    if (event.type === 'progress') {
      const { phase, done: n, total } = event.payload;
      handlers.onProgress({ jobId, phase, done: n, total });
      return;
    }
    stop();
    const { ok, error } = event.payload;
    handlers.onFinished(ok ? { ok: true } : { ok: false, error: error ?? null });
  };
  const unsubscribers = [
    api.subscribe('job.progressed', (payload) => apply({ type: 'progress', payload })),
    api.subscribe('job.finished', (payload) => apply({ type: 'finished', payload })),
  ];
  if (handlers.signal?.aborted) stop();
  handlers.signal?.addEventListener('abort', stop);

  const res = await start();
  let id: string;
  if (res.ok) id = res.value.jobId;
  else {
    const running =
      res.error.code === 'JOB_RUNNING' && handlers.findRunning ? await handlers.findRunning() : null;
    if (running === null) {
      stop();
      return { ok: false, error: res.error };
    }
    id = running;
  }
  if (done) return { ok: true, jobId: id };
  jobId = id;
  handlers.onProgress({ jobId: id, phase: handlers.initialPhase ?? 'starting', done: 0, total: 0 });
  for (const event of early.splice(0)) apply(event);
  return { ok: true, jobId: id };
}

/** Follows a job found running (after a reload, or started from the CLI or another window). */
export function followRunningJob(
  api: Api,
  jobId: string,
  handlers: Omit<FollowHandlers, 'findRunning'>,
): Promise<FollowStart> {
  return followJob(api, async () => ({ ok: true, value: { jobId } }), handlers);
}
