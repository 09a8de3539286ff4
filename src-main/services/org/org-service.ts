import { AppError } from '../../contract/errors';
import type { SyncState } from '../../contract/org';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { SyncRunsRepo } from '../../db/repos/sync-runs-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { WecomNetworkError, toAppError } from '../../wecom/errors';
import type { JobRunner } from '../jobs/job-runner';
import type { Connectivity } from '../settings/connectivity';
import type { CorpContext } from '../settings/corp-context';
import { pullOrg, writeSnapshot } from './sync';

/** Sync from WeCom into the cache; reads go through the editing service's working copy. */
export class OrgService {
  constructor(
    private readonly d: {
      repo: OrgRepo;
      runs: SyncRunsRepo;
      corp: CorpContext;
      jobs: JobRunner;
      bus: EventBus;
      connectivity: Connectivity;
      logger: Logger;
      now?: () => Date;
    },
  ) {}

  private now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  startSync(): { jobId: string } {
    const pushing = this.d.jobs.runningOf('org.push');
    if (pushing) {
      // A sync rewrites the cache a push is planning and reconciling against.
      throw new AppError('JOB_RUNNING', 'a push is running', {
        details: { jobId: pushing, kind: 'org.push' },
      });
    }
    const jobId = this.d.jobs.start('org.sync', async (ctx) => {
      const corpId = await this.d.corp.currentCorpId();
      const runId = await this.d.runs.start(corpId, this.now());
      try {
        const { corp, cred, fallback } = await this.d.corp.readCredential();
        const http = this.d.corp.http(corp.apiBase);
        const known = await this.d.repo.pinyinByName();
        const { snapshot, calls } = await pullOrg(http, cred, fallback, ctx, known);
        this.d.connectivity.report(true);
        // Unstamped while rewritten: an interrupted sync leaves a cache no push will trust.
        await this.d.repo.setCacheCorp(null);
        await writeSnapshot(this.d.repo, snapshot, ctx);
        await this.d.repo.setCacheCorp(corp.corpId);
        const c = await this.d.repo.counts();
        await this.d.runs.finish(runId, this.now(), { ok: true, ...c });
        this.d.logger.info(
          `sync done: ${c.departments} departments, ${c.members} members, ${c.tags} tags, ${calls} calls`,
        );
        this.d.bus.emit('org.cacheChanged', { at: this.now() });
      } catch (e) {
        if (e instanceof WecomNetworkError) this.d.connectivity.report(false);
        await this.d.runs.finish(runId, this.now(), { ok: false, errorCode: toAppError(e).code });
        throw e;
      }
    });
    return { jobId };
  }

  async syncState(): Promise<SyncState> {
    const corpId = await this.d.corp.currentCorpId();
    const mine = (await this.d.repo.cacheCorp()) === corpId;
    const last = mine ? await this.d.runs.lastSuccessful(corpId) : null;
    // The cache may still hold the previous corp's rows until the first sync of this one.
    const c = mine ? await this.d.repo.counts() : { departments: 0, members: 0, tags: 0 };
    return {
      lastSyncAt: last?.finishedAt ?? null,
      departments: c.departments,
      members: c.members,
      tags: c.tags,
      runningJobId: this.d.jobs.runningOf('org.sync'),
    };
  }
}
