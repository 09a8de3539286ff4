import { z } from 'zod';
import { AppErrorShape } from './errors';

/** Every kind of long-running job; the job runner allows one running job per kind. */
export const JobKind = z.enum(['org.sync', 'org.push', 'org.invite', 'outbox.run']);
export type JobKind = z.infer<typeof JobKind>;

export const events = {
  'job.progressed': z.object({
    jobId: z.string(),
    kind: JobKind,
    phase: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  'job.finished': z.object({
    jobId: z.string(),
    kind: JobKind,
    ok: z.boolean(),
    error: AppErrorShape.optional(),
  }),
  'app.connectivityChanged': z.object({ online: z.boolean() }),
  'org.cacheChanged': z.object({ at: z.string() }),
  /** The staged change list changed (stage, undo, redo, discard, push). */
  'orgEdit.changed': z.object({ pending: z.number().int() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
