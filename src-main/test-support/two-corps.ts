import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../compose';
import type { EventPayload } from '../contract/events';
import { createLogger } from '../platform/logger';
import { MemorySecretStore } from '../platform/node/memory-secret-store';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { followJob } from '../services/jobs/follow-job';

/** The "real" corp of the write-path tests: another sandbox with its own corp id and secrets. */
export const REAL_CORP = {
  corpId: 'ww0000000000000002',
  contactsSecret: 'real-contacts-secret-0002',
  appSecretPrefix: 'real-app-secret-',
};

export interface TwoCorps {
  demo: RunningSandbox;
  real: RunningSandbox;
  dataDir: string;
  services: Services;
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Like call, but answers the error envelope's code instead of throwing. */
  fail(name: string, input?: unknown): Promise<{ code: string; details?: Record<string, unknown> }>;
  runJob(start: () => { jobId: string }): Promise<EventPayload<'job.finished'>>;
  /** A second services instance on the same data folder (what a second launch would build). */
  open(): Promise<Services>;
  close(): Promise<void>;
}

/**
 * The app as a newcomer meets it: 演示模式 on one sandbox, and a real corp (a second sandbox, the
 * WECOM_API_BASE of the app) configured later in 设置.
 */
export async function twoCorps(): Promise<TwoCorps> {
  const demo = await startSandbox();
  const real = await startSandbox({ ...REAL_CORP, seed: 7 });
  const dataDir = mkdtempSync(join(tmpdir(), 'zhb-corps-'));
  const opened: Services[] = [];
  const open = async () => {
    const s = await createServices(
      { secrets: new MemorySecretStore(), logger: createLogger({ level: 'warn' }) },
      {
        dataDir,
        apiBase: real.url,
        envProfile: null,
        demo: async () => ({
          apiBase: demo.url,
          corpId: demo.credentials.corpId,
          contactsSecret: demo.credentials.contactsSecret,
          apps: demo.credentials.apps.map((a) => ({ ...a })),
        }),
        httpOptions: { minRetryDelayMs: 5, rateLimitDelayMs: 10, timeoutMs: 3000 },
        validateOutput: true,
      },
    );
    opened.push(s);
    return s;
  };
  const services = await open();
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await services.dispatch(name, input);
    if (!r.ok)
      throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { error: r.error });
    return r.value as T;
  };
  const fail = async (name: string, input: unknown = {}) => {
    const r = await services.dispatch(name, input);
    if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
    return { code: r.error.code, ...(r.error.details ? { details: r.error.details } : {}) };
  };
  return {
    demo,
    real,
    dataDir,
    services,
    call,
    fail,
    runJob: (start) => runJob(services, start),
    open,
    close: async () => {
      for (const s of opened) await s.close();
      await demo.close();
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function runJob(
  services: Services,
  start: () => { jobId: string },
): Promise<EventPayload<'job.finished'>> {
  return followJob(services.bus, start);
}
