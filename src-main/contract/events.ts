import { z } from 'zod';
import { AppErrorShape } from './errors';

export const JobKind = z.enum(['org.sync', 'org.push']);

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
