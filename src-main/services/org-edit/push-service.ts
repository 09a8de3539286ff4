import { AppError } from '../../contract/errors';
import type { Conflict, OutboxOp } from '../../contract/org-edit';
import type { EditRepo } from '../../db/repos/edit-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { WecomNetworkError } from '../../wecom/errors';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import type { Connectivity } from '../settings/connectivity';
import type { CorpContext } from '../settings/corp-context';
import type { ChangeOp } from '../../contract/org-edit';
import { pullOrg, pullTouched } from '../org/sync';
import { detectConflicts, planCalls, rebase, validateOps, WorkingCopy } from './model';
import type { OrgEditService } from './org-edit-service';
import { executeBatch } from './outbox-executor';

/**
 * "推送到企业微信": finish any interrupted batch first, then pull, stop on conflicts, plan the calls in
 * a safe order, record them all in the outbox, and execute them one by one.
 */
export class PushService {
  constructor(
    private readonly d: {
      org: OrgRepo;
      edit: EditRepo;
      editor: OrgEditService;
      corp: CorpContext;
      jobs: JobRunner;
      bus: EventBus;
      connectivity: Connectivity;
      logger: Logger;
    },
  ) {}

  start(): { jobId: string } {
    const jobId = this.d.jobs.start('org.push', async (ctx) => {
      try {
        await this.run(ctx);
        this.d.connectivity.report(true);
      } catch (e) {
        if (e instanceof WecomNetworkError) this.d.connectivity.report(false);
        throw e;
      } finally {
        this.d.editor.invalidate(true);
        await this.d.editor.notifyChanged();
      }
    });
    return { jobId };
  }

  async retryFailed(): Promise<{ jobId: string }> {
    const open = await this.d.edit.openBatch();
    if (open !== null) await this.d.edit.retryFailed(open, this.d.editor.now());
    return this.start();
  }

  private async writer() {
    const corp = await this.d.corp.resolve();
    if (!corp.contacts) {
      throw new AppError('NOT_CONFIGURED', 'writes need the contacts secret', {
        details: { issues: [{ path: 'contactsSecret', message: '修改通讯录需要「通讯录同步」的 Secret' }] },
      });
    }
    return { corp, http: this.d.corp.http(corp.apiBase), cred: corp.contacts };
  }

  private async run(ctx: JobContext): Promise<void> {
    const { http, cred } = await this.writer();
    const exec = { repo: this.d.edit, http, cred, logger: this.d.logger, now: () => this.d.editor.now() };

    const open = await this.d.edit.openBatch();
    if (open !== null) {
      const batchOps = (await this.d.edit.activeChanges())
        .filter((c) => c.batchId === open)
        .flatMap((c) => c.ops);
      const out = await executeBatch(exec, open, ctx);
      if (out.failed || out.pending) throw failedError(out.failed, out.done);
      await this.d.edit.closeBatch(open, this.d.editor.now(), 'done');
      await this.refreshTouched(ctx, batchOps);
    }

    const changes = await this.d.editor.unbatched();
    if (changes.length === 0) return;

    const ops = changes.flatMap((c) => c.ops);
    ctx.progress('pull', 0, 1);
    await this.refreshTouched(ctx, ops);
    const remote = await this.d.org.loadSnapshot();

    ctx.progress('conflicts', 0, changes.length);
    const conflicts: Conflict[] = detectConflicts(changes, remote);
    await this.d.edit.replaceConflicts(conflicts);
    if (conflicts.length) {
      throw new AppError('CONFLICTS', `${conflicts.length} changes conflict with edits made in WeCom`, {
        details: { count: conflicts.length },
      });
    }
    const issues = validateOps(WorkingCopy.build(remote, []), ops);
    if (issues.length) {
      throw new AppError('INVALID_INPUT', 'staged changes no longer apply to WeCom', {
        details: { issues: issues.map((i) => ({ path: `ops.${i.opIndex}`, message: i.message })) },
      });
    }
    ctx.progress('conflicts', changes.length, changes.length);

    const calls = planCalls(remote, ops);
    const batchId = await this.d.edit.createBatch(
      this.d.editor.now(),
      changes.map((c) => c.id),
      calls.map((c) => ({
        seq: c.seq,
        api: c.api,
        body: c.body,
        defines: c.defines,
        entity: c.entity,
        key: c.key,
        summary: c.summary,
        before: c.before,
        after: c.after,
      })),
    );
    const out = await executeBatch(exec, batchId, ctx);
    if (out.failed || out.pending) throw failedError(out.failed, out.done);
    await this.d.edit.closeBatch(batchId, this.d.editor.now(), 'done');
    await this.refreshTouched(ctx, ops);
  }

  /**
   * Re-reads from WeCom what the ops touch (plus the department tree), so conflicts are judged and
   * the result is shown against WeCom's current state without re-reading the whole corp.
   */
  private async refreshTouched(ctx: JobContext, ops: ChangeOp[]): Promise<void> {
    const map = await this.d.edit.idMap();
    const userids = new Set<string>();
    const tagids = new Set<number>();
    for (const op of ops) {
      if (op.type === 'member.create' || op.type === 'member.update' || op.type === 'member.delete')
        userids.add(op.userid);
      if ('tagid' in op) {
        const id = op.tagid < 0 ? map.tag.get(op.tagid) : op.tagid;
        if (id !== undefined) tagids.add(id);
      }
    }
    // Past this many members, one list call per department is cheaper than one get per member.
    if (userids.size > FULL_PULL_ABOVE) return this.refresh(ctx);
    const { corp, cred, fallback } = await this.d.corp.readCredential();
    const part = await pullTouched(
      this.d.corp.http(corp.apiBase),
      cred,
      fallback,
      ctx,
      { userids: [...userids], tagids: [...tagids] },
      await this.d.org.pinyinByName(),
    );
    await this.d.org.applyPartial(part);
    this.d.editor.invalidate(true);
    this.d.bus.emit('org.cacheChanged', { at: this.d.editor.now() });
  }

  /** Re-reads WeCom into the cache, so what the clerk sees after a push is WeCom's own state. */
  private async refresh(ctx: JobContext): Promise<void> {
    const { corp, cred, fallback } = await this.d.corp.readCredential();
    const sub: JobContext = {
      signal: ctx.signal,
      progress: (_p, done, total) => ctx.progress('pull', done, total),
    };
    const { snapshot } = await pullOrg(
      this.d.corp.http(corp.apiBase),
      cred,
      fallback,
      sub,
      await this.d.org.pinyinByName(),
    );
    await this.d.org.replaceAll(snapshot);
    this.d.editor.invalidate(true);
    this.d.bus.emit('org.cacheChanged', { at: this.d.editor.now() });
  }

  async state(): Promise<{ conflicts: Conflict[]; ops: OutboxOp[]; runningJobId: string | null }> {
    return {
      conflicts: await this.d.edit.conflicts(),
      ops: await this.d.edit.latestBatchOps(),
      runningJobId: this.d.jobs.runningOf('org.push'),
    };
  }

  /** theirs: drop my change; mine: re-base it on WeCom's current version so the next push applies it. */
  async resolve(changeId: number, keep: 'mine' | 'theirs'): Promise<number> {
    const change = (await this.d.edit.activeChanges()).find((c) => c.id === changeId);
    if (!change) throw new AppError('NOT_FOUND', `change ${changeId}`);
    if (keep === 'theirs') await this.d.edit.deleteChange(changeId);
    else await this.d.edit.setBase(changeId, rebase(change, await this.d.org.loadSnapshot()));
    const remaining = await this.d.edit.deleteConflict(changeId);
    this.d.editor.invalidate(false);
    await this.d.editor.notifyChanged();
    return remaining;
  }
}

const FULL_PULL_ABOVE = 3000;

function failedError(failed: number, done: number): AppError {
  return new AppError('WECOM_REQUEST_REJECTED', `${failed} of the push operations failed`, {
    details: { failed, done },
  });
}
