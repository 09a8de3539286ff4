import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../compose';
import type { EventPayload } from '../contract/events';
import { createLogger } from '../platform/logger';
import { MemorySecretStore } from '../platform/node/memory-secret-store';
import { EnvSecretStore, type EnvProfile } from '../platform/node/env-profile';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox';
import { followJob } from '../services/jobs/follow-job';

export interface Harness {
  sandbox: RunningSandbox;
  services: Services;
  dataDir: string;
  logger: ReturnType<typeof createLogger>;
  secrets: MemorySecretStore | EnvSecretStore;
  /** Calls a procedure through dispatch, as a renderer would; throws the error envelope on failure. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Starts a job through `start` and resolves with its job.finished payload. */
  runJob(start: () => { jobId: string } | Promise<{ jobId: string }>): Promise<EventPayload<'job.finished'>>;
  close(): Promise<void>;
}

/**
 * Real services on a real temp SQLite file, talking over loopback HTTP to a real sandbox: the only
 * fake is WeCom itself, at its wire.
 */
export async function servicesHarness(
  opts: { sandbox?: SandboxOptions; mode?: 'demo' | 'env'; dataDir?: string } = {},
): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...opts.sandbox });
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'zhb-svc-'));
  const logger = createLogger({ level: 'debug' });
  const c = sandbox.credentials;
  const envProfile: EnvProfile | null =
    opts.mode === 'env'
      ? { corpId: c.corpId, contactsSecret: c.contactsSecret, apps: c.apps.map((a) => ({ ...a })) }
      : null;
  const secrets = envProfile ? new EnvSecretStore(envProfile) : new MemorySecretStore();
  const services = await createServices(
    { secrets, logger },
    {
      dataDir,
      apiBase: sandbox.url,
      envProfile,
      demo: async () => ({
        apiBase: sandbox.url,
        corpId: c.corpId,
        contactsSecret: c.contactsSecret,
        apps: c.apps.map((a) => ({ ...a })),
      }),
      httpOptions: { minRetryDelayMs: 5, rateLimitDelayMs: 10, timeoutMs: 5000 },
      validateOutput: true,
    },
  );
  return {
    sandbox,
    services,
    dataDir,
    logger,
    secrets,
    call: async <T>(name: string, input: unknown = {}): Promise<T> => {
      const r = await services.dispatch(name, input);
      if (!r.ok)
        throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { error: r.error });
      return r.value as T;
    },
    runJob: (start) => followJob(services.bus, start),
    close: async () => {
      await services.close();
      await sandbox.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
