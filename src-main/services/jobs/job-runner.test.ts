import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import type { EventName } from '../../contract/events';
import { EventBus } from '../../ipc/event-bus';
import { createDispatch } from '../../ipc/dispatch';
import type { Handlers } from '../../ipc/router';
import { createLogger } from '../../platform/logger';
import { registerSecret } from '../../platform/redact';
import { WecomError } from '../../wecom/errors';
import { JobRunner } from './job-runner';

function setup() {
  const bus = new EventBus();
  const seen: { name: EventName; payload: Record<string, unknown> }[] = [];
  bus.listen((name, payload) => seen.push({ name, payload: payload as Record<string, unknown> }));
  const jobs = new JobRunner(bus, createLogger());
  const finished = () => seen.filter((e) => e.name === 'job.finished').map((e) => e.payload);
  return { jobs, finished };
}

describe('JobRunner', () => {
  it('reports a failure with the same envelope as dispatch, the job id as correlation id', async () => {
    const { jobs, finished } = setup();
    const failure = () =>
      new WecomError(60020, 'not allow to access from your ip, hint: [1], from ip: 10.9.8.7', 'user/list');
    const jobId = jobs.start('org.sync', async () => {
      throw failure();
    });
    await jobs.idle();

    const viaDispatch = await createDispatch(
      new Proxy({} as Handlers, {
        get: () => async () => {
          throw failure();
        },
      }),
      createLogger(),
    )('org.getTree', {});
    expect(viaDispatch.ok).toBe(false);
    const { correlationId: _c, ...dispatchShape } = (viaDispatch as { error: Record<string, unknown> }).error;

    expect(finished()).toEqual([
      { jobId, kind: 'org.sync', ok: false, error: { ...dispatchShape, correlationId: jobId } },
    ]);
    expect(dispatchShape).toMatchObject({ code: 'WECOM_IP_NOT_TRUSTED', details: { ip: '10.9.8.7' } });
  });

  it('redacts secrets and tokens from the message sent to the renderer', async () => {
    registerSecret('job-secret-31337');
    const { jobs, finished } = setup();
    jobs.start('org.push', async () => {
      // An AppError passes through toAppError untouched, so only the shared shape can redact it.
      throw new AppError('NOT_CONFIGURED', 'stored job-secret-31337 rejected, access_token=tok-abc&x=1');
    });
    await jobs.idle();
    const [f] = finished();
    expect(f).toMatchObject({ kind: 'org.push', ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(JSON.stringify(f)).not.toMatch(/job-secret-31337|tok-abc/);
  });

  it('reports CANCELLED when the job is cancelled, whatever the work threw', async () => {
    const { jobs, finished } = setup();
    const jobId = jobs.start('outbox.run', async (ctx) => {
      await new Promise((r) => ctx.signal.addEventListener('abort', r));
      throw new Error('aborted mid-call');
    });
    expect(jobs.cancel(jobId)).toBe(true);
    await jobs.idle();
    expect(finished()).toEqual([
      {
        jobId,
        kind: 'outbox.run',
        ok: false,
        error: { code: 'CANCELLED', message: 'cancelled by user', retryable: false, correlationId: jobId },
      },
    ]);
  });

  it('runs one job per kind', async () => {
    const { jobs } = setup();
    let release = () => {};
    const first = jobs.start('org.invite', () => new Promise<void>((r) => (release = r)));
    expect(() => jobs.start('org.invite', async () => {})).toThrow(
      expect.objectContaining({ code: 'JOB_RUNNING', details: { jobId: first } }),
    );
    release();
    await jobs.idle();
    expect(jobs.runningOf('org.invite')).toBeNull();
  });
});
