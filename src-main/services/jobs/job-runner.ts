import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { JobKind } from '../../contract/events';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { toErrorShape } from '../../wecom/errors';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
}

interface Running {
  kind: JobKind;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Long work: start returns a job id at once; progress and the outcome arrive as events. One job
 * per kind at a time, so a double click cannot start two syncs.
 */
export class JobRunner {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  runningOf(kind: JobKind): string | null {
    for (const [id, r] of this.running) if (r.kind === kind) return id;
    return null;
  }

  start(kind: JobKind, work: (ctx: JobContext) => Promise<void>): string {
    const existing = this.runningOf(kind);
    if (existing)
      throw new AppError('JOB_RUNNING', `${kind} already running`, { details: { jobId: existing } });
    const jobId = randomUUID();
    const controller = new AbortController();
    let last = 0;
    let lastPhase = '';
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        // Throttle chatty loops; always let the final tick and the first tick of a phase through,
        // so a step shown as its own bar never misses its start.
        const now = Date.now();
        if (done < total && now - last < 100 && phase === lastPhase) return;
        last = now;
        lastPhase = phase;
        this.bus.emit('job.progressed', { jobId, kind, phase, done, total });
      },
    };
    const done = (async () => {
      try {
        await work(ctx);
        this.bus.emit('job.finished', { jobId, kind, ok: true });
      } catch (e) {
        // Same envelope (and redaction) as an invoke failure; the job id is the correlation id.
        const error = toErrorShape(
          controller.signal.aborted ? new AppError('CANCELLED', 'cancelled by user') : e,
          jobId,
        );
        this.logger.warn(`job ${kind} ${jobId} failed: ${error.code} ${error.message}`);
        this.bus.emit('job.finished', { jobId, kind, ok: false, error });
      } finally {
        this.running.delete(jobId);
      }
    })();
    this.running.set(jobId, { kind, controller, done });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const r = this.running.get(jobId);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  /** For tests and shutdown. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}
