import { mkdirSync } from 'node:fs';
import { AppError } from './contract/errors';
import { join } from 'node:path';
import { openDatabase } from './db/connection';
import { OrgRepo } from './db/repos/org-repo';
import { SettingsRepo } from './db/repos/settings-repo';
import { SyncRunsRepo } from './db/repos/sync-runs-repo';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { EventBus } from './ipc/event-bus';
import type { Handlers } from './ipc/router';
import type { EnvProfile } from './platform/node/env-profile';
import type { PlatformPorts } from './platform/ports';
import { JobRunner } from './services/jobs/job-runner';
import { OrgService } from './services/org/org-service';
import { Connectivity } from './services/settings/connectivity';
import { CorpContext, type DemoCorp } from './services/settings/corp-context';
import { SettingsService } from './services/settings/settings-service';
import type { WecomHttpOptions } from './wecom/http-client';

export const APP_VERSION = '0.1.0';

/** Issue #3 procedures whose services land in the next commits; until then they answer INTERNAL. */
function editHandlersPending(): Pick<
  Handlers,
  Exclude<
    keyof Handlers,
    | `${'app' | 'settings' | 'jobs'}.${string}`
    | 'org.startSync'
    | 'org.getSyncState'
    | 'org.getTree'
    | 'org.listMembers'
    | 'org.getMemberIndex'
    | 'org.listTags'
  >
> {
  const pending = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'not available yet');
  };
  return new Proxy({} as never, { get: () => pending, ownKeys: () => [], has: () => true });
}

export interface AppConfig {
  dataDir: string;
  /** WeCom base URL for a real corp (WECOM_API_BASE); the demo sandbox brings its own. */
  apiBase: string;
  envProfile: EnvProfile | null;
  /** Starts (once, lazily) the in-process sandbox used in 演示模式. */
  demo: () => Promise<DemoCorp>;
  probeEveryMs?: number;
  httpOptions?: Partial<WecomHttpOptions>;
  validateOutput?: boolean;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  org: OrgService;
  settings: SettingsService;
  corp: CorpContext;
  jobs: JobRunner;
  close(): Promise<void>;
}

/** The one composition root shared by Electron, the browser host and the CLI. */
export async function createServices(ports: PlatformPorts, config: AppConfig): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(join(config.dataDir, 'zhb.sqlite'));
  const bus = new EventBus();
  const logger = ports.logger;
  const settingsRepo = new SettingsRepo(db);
  const corp = new CorpContext({
    settings: settingsRepo,
    secrets: ports.secrets,
    logger,
    apiBase: config.apiBase,
    envProfile: config.envProfile,
    demo: config.demo,
    ...(config.httpOptions ? { httpOptions: config.httpOptions } : {}),
  });
  const connectivity = new Connectivity(bus);
  const jobs = new JobRunner(bus, logger);
  const org = new OrgService({
    repo: new OrgRepo(db),
    runs: new SyncRunsRepo(db),
    corp,
    jobs,
    bus,
    connectivity,
    logger,
  });
  const settings = new SettingsService({
    corp,
    settings: settingsRepo,
    secrets: ports.secrets,
    connectivity,
    logger,
  });

  const handlers: Handlers = {
    'app.getStatus': async () => {
      const c = await corp.resolve();
      return { mode: c.mode, online: connectivity.isOnline, version: APP_VERSION, dataDir: config.dataDir };
    },
    'settings.getProfile': () => settings.profile(),
    'settings.saveProfile': (input) => settings.save(input),
    'settings.resetToDemo': () => settings.resetToDemo(),
    'settings.testConnection': () => settings.testConnection(),
    'org.startSync': async () => org.startSync(),
    'org.getSyncState': () => org.syncState(),
    'org.getTree': async () => ({ departments: await org.tree() }),
    'org.listMembers': async ({ departmentId }) => ({ members: await org.members(departmentId) }),
    'org.getMemberIndex': async () => ({ rows: await org.memberIndex() }),
    'org.listTags': async () => ({ tags: await org.tags() }),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    ...editHandlersPending(),
  };

  if (config.probeEveryMs)
    connectivity.startProbing(async () => (await corp.resolve()).apiBase, config.probeEveryMs);

  return {
    dispatch: createDispatch(handlers, logger, { validateOutput: config.validateOutput ?? false }),
    bus,
    org,
    settings,
    corp,
    jobs,
    close: async () => {
      connectivity.stop();
      for (const id of [jobs.runningOf('org.sync')]) if (id) jobs.cancel(id);
      await jobs.idle();
      await db.close();
    },
  };
}
