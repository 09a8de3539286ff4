import type { EventPayload } from '../../contract/events';
import type { EventBus } from '../../ipc/event-bus';

/**
 * Starts a job and resolves with its `job.finished` event, passing its progress on. Events may arrive
 * before `start` returns the id (a job that fails at once), so they are held until the id is known.
 * Used by the CLI, the soak and the service tests; the renderer has its own follower over the bridge.
 */
export async function followJob(
  bus: EventBus,
  start: () => { jobId: string } | Promise<{ jobId: string }>,
  onProgress: (p: EventPayload<'job.progressed'>) => void = () => undefined,
): Promise<EventPayload<'job.finished'>> {
  let jobId = '';
  const early: EventPayload<'job.finished'>[] = [];
  const earlyProgress: EventPayload<'job.progressed'>[] = [];
  let off: () => void = () => undefined;
  const finished = new Promise<EventPayload<'job.finished'>>((resolve) => {
    off = bus.listen((name, payload) => {
      if (name === 'job.progressed') {
        const p = payload as EventPayload<'job.progressed'>;
        if (!jobId) earlyProgress.push(p);
        else if (p.jobId === jobId) onProgress(p);
        return;
      }
      if (name !== 'job.finished') return;
      const p = payload as EventPayload<'job.finished'>;
      if (!jobId) early.push(p);
      else if (p.jobId === jobId) resolve(p);
    });
  });
  try {
    jobId = (await start()).jobId;
  } catch (e) {
    off();
    throw e;
  }
  for (const p of earlyProgress) if (p.jobId === jobId) onProgress(p);
  const hit = early.find((p) => p.jobId === jobId);
  const r = hit ?? (await finished);
  off();
  return r;
}
