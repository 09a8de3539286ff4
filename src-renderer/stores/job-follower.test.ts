import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src-main/contract';
import { createFakeApi, err, ok, type FakeApi } from '../test-support/fake-api';
import { followJob, followRunningJob, type JobOutcome, type JobProgress } from './job-follower';

function recorder() {
  const progress: JobProgress[] = [];
  const finished: JobOutcome[] = [];
  return {
    progress,
    finished,
    handlers: {
      kind: 'org.sync' as const,
      onProgress: (p: JobProgress) => progress.push(p),
      onFinished: (o: JobOutcome) => finished.push(o),
    },
  };
}

const listening = (api: FakeApi) => api.listenerCount('job.progressed') + api.listenerCount('job.finished');

describe('followJob', () => {
  it('reports the start, then only its own job’s progress, then the end once', async () => {
    const api = createFakeApi();
    const r = recorder();
    const res = await followJob(api, async () => ok({ jobId: 'j1' }), r.handlers);
    expect(res).toEqual({ ok: true, jobId: 'j1' });
    expect(r.progress).toEqual([{ jobId: 'j1', phase: 'starting', done: 0, total: 0 }]);

    api.emit('job.progressed', { jobId: 'j1', kind: 'org.sync', phase: 'members', done: 3, total: 9 });
    api.emit('job.progressed', { jobId: 'j0', kind: 'org.sync', phase: 'members', done: 8, total: 9 });
    api.emit('job.progressed', { jobId: 'j1', kind: 'org.push', phase: 'apply', done: 1, total: 1 });
    expect(r.progress.at(-1)).toEqual({ jobId: 'j1', phase: 'members', done: 3, total: 9 });
    expect(r.progress).toHaveLength(2);

    const error = { code: 'NETWORK' as const, message: 'x', retryable: true, correlationId: 'c' };
    api.emit('job.finished', { jobId: 'j1', kind: 'org.sync', ok: false, error });
    api.emit('job.finished', { jobId: 'j1', kind: 'org.sync', ok: true });
    expect(r.finished).toEqual([{ ok: false, error }]);
    expect(listening(api)).toBe(0);
  });

  it('keeps events that arrive before the job id and replays those of its job', async () => {
    const api = createFakeApi();
    const r = recorder();
    const res = await followJob(
      api,
      async () => {
        api.emit('job.progressed', { jobId: 'other', kind: 'org.sync', phase: 'tags', done: 1, total: 1 });
        api.emit('job.progressed', {
          jobId: 'j2',
          kind: 'org.sync',
          phase: 'departments',
          done: 1,
          total: 4,
        });
        api.emit('job.finished', { jobId: 'j2', kind: 'org.sync', ok: true });
        return ok({ jobId: 'j2' });
      },
      { ...r.handlers, initialPhase: 'pull' },
    );
    expect(res).toEqual({ ok: true, jobId: 'j2' });
    expect(r.progress).toEqual([
      { jobId: 'j2', phase: 'pull', done: 0, total: 0 },
      { jobId: 'j2', phase: 'departments', done: 1, total: 4 },
    ]);
    expect(r.finished).toEqual([{ ok: true }]);
    expect(listening(api)).toBe(0);
  });

  it('follows the run already going when the start answers JOB_RUNNING', async () => {
    const api = createFakeApi();
    const r = recorder();
    const findRunning = vi.fn(async () => 'j7');
    const res = await followJob(api, async () => err('JOB_RUNNING'), { ...r.handlers, findRunning });
    expect(findRunning).toHaveBeenCalledOnce();
    expect(res).toEqual({ ok: true, jobId: 'j7' });
    api.emit('job.finished', { jobId: 'j7', kind: 'org.sync', ok: true });
    expect(r.finished).toEqual([{ ok: true }]);
  });

  it('reports a refused start, JOB_RUNNING with nothing to follow included, and stops listening', async () => {
    const api = createFakeApi();
    const r = recorder();
    const refused = await followJob(api, async () => err('NOT_CONFIGURED'), r.handlers);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    const gone = await followJob(api, async () => err('JOB_RUNNING'), {
      ...r.handlers,
      findRunning: async () => null,
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'JOB_RUNNING' } });
    expect(r.progress).toEqual([]);
    expect(listening(api)).toBe(0);
  });

  it('stops reporting when its signal aborts', async () => {
    const api = createFakeApi();
    const r = recorder();
    const stop = new AbortController();
    await followRunningJob(api, 'j3', { ...r.handlers, signal: stop.signal });
    stop.abort();
    api.emit('job.finished', { jobId: 'j3', kind: 'org.sync', ok: true });
    expect(r.finished).toEqual([]);
    expect(listening(api)).toBe(0);
  });

  it('reports nothing for a start answered after the store was disposed', async () => {
    const api = createFakeApi();
    const r = recorder();
    const stop = new AbortController();
    let answer: (v: Result<{ jobId: string }>) => void = () => {};
    const pending = followJob(api, () => new Promise((res) => (answer = res)), {
      ...r.handlers,
      signal: stop.signal,
    });
    stop.abort();
    answer(ok({ jobId: 'j4' }));
    await pending;
    api.emit('job.finished', { jobId: 'j4', kind: 'org.sync', ok: true });
    expect(r.progress).toEqual([]);
    expect(r.finished).toEqual([]);
  });
});
