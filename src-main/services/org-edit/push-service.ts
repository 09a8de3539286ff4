import { AppError } from '../../contract/errors';
import type { ChangeOp, Conflict } from '../../contract/org-edit';
import type { OutboxOp } from '../../contract/outbox';
import type { ChangesRepo } from '../../db/repos/changes-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { contactsRead } from '../../wecom/endpoints/contacts-read';
import { WecomNetworkError } from '../../wecom/errors';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import type { OutboxService } from '../outbox/outbox-service';
import type { Connectivity } from '../settings/connectivity';
import type { CorpContext } from '../settings/corp-context';
import { detectConflicts, planCalls, rebase, validateOps, wireIssues, WorkingCopy } from './model';
import { mapIds } from './model/local-ids';
import type { OrgEditService } from './org-edit-service';
import { refreshTouched } from './refresh';
import { undefinedLocalIds } from './plan-check';

const FEATURE = 'contacts';

/**
 * "推送到企业微信" for the current corp only: settle this corp's open batches first (reading WeCom for
 * any call whose outcome is unknown), then pull what the changes touch, stop on conflicts, plan the calls
 * in a safe order, record them all in the outbox, and run them. Failed calls wait for the clerk (retry,
 * skip, take WeCom's state) without blocking later pushes.
 */
export class PushService {
  constructor(
    private readonly d: {
      org: OrgRepo;
      changes: ChangesRepo;
      outboxRepo: OutboxRepo;
      outbox: OutboxService;
      editor: OrgEditService;
      corp: CorpContext;
      jobs: JobRunner;
      bus: EventBus;
      connectivity: Connectivity;
      logger: Logger;
    },
  ) {}

  start(): { jobId: string } {
    const syncing = this.d.jobs.runningOf('org.sync');
    if (syncing) {
      throw new AppError('JOB_RUNNING', 'a sync is running', {
        details: { jobId: syncing, kind: 'org.sync' },
      });
    }
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

  /** 「重试」: failed calls of this corp (all, or those named) are sent again. */
  async retryFailed(ids?: number[]): Promise<{ jobId: string }> {
    await this.d.outbox.retry(await this.d.editor.corpId(), ids);
    return this.start();
  }

  /** 「跳过」 or 「以企业微信为准」: give a failed call up; the latter also re-reads what it touched. */
  async settleFailed(id: number, how: 'skip' | 'takeTheirs'): Promise<{ remaining: number }> {
    const corpId = await this.d.editor.corpId();
    const row = await this.d.outbox.skip(corpId, id, how === 'skip' ? '已跳过' : '以企业微信为准（未发送）');
    if (how === 'takeTheirs') {
      const { corp, cred, fallback } = await this.d.corp.readCredential();
      const http = this.d.corp.http(corp.apiBase);
      const ctx: JobContext = { signal: new AbortController().signal, progress: () => undefined };
      let touched = keysOf(row.call);
      if (row.call.kind === 'tag.create') {
        // WeCom may hold a tag of that name (made in the console, or by us): read it back by name.
        const name = row.call.name;
        const hit = (await contactsRead(http, cred).tagList()).find((t) => t.tagname === name);
        touched = hit ? [{ type: 'tag.delete', tagid: hit.tagid }] : [];
      }
      await refreshTouched(this.d, http, cred, fallback, ctx, touched);
    }
    await this.d.outbox.close(row.batchId);
    await this.afterBatchSettled(corpId);
    this.d.editor.invalidate(true);
    await this.d.editor.notifyChanged();
    return {
      remaining: (await this.d.outboxRepo.unsettled(corpId)).filter((r) => r.status === 'failed').length,
    };
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
    const corpId = await this.d.editor.requireSynced();
    const { corp, http } = await this.writer();
    if (corp.corpId !== corpId) throw new AppError('INTERNAL', 'corp changed during push');
    const read = await this.d.corp.readCredential();

    // 1. This corp's open batches: calls in flight are read back, unsent ones sent.
    for (const batchId of await this.d.outboxRepo.openBatches(corpId, FEATURE)) {
      const ops = await this.opsOfBatch(corpId, batchId);
      await this.d.outbox.runBatch(corpId, batchId, ctx);
      const ids = await this.d.outboxRepo.idMap(batchId);
      await refreshTouched(this.d, http, read.cred, read.fallback, ctx, ops, ids);
      await this.d.outbox.close(batchId);
    }
    await this.afterBatchSettled(corpId);

    // 2. The changes staged since.
    const changes = await this.d.editor.unbatched();
    if (changes.length > 0) {
      const ops = changes.flatMap((c) => c.ops);
      ctx.progress('pull', 0, 1);
      await refreshTouched(this.d, http, read.cred, read.fallback, ctx, ops);
      const remote = await this.d.org.loadSnapshot();

      ctx.progress('conflicts', 0, changes.length);
      const conflicts: Conflict[] = detectConflicts(changes, remote);
      await this.d.changes.replaceConflicts(corpId, conflicts);
      if (conflicts.length) {
        throw new AppError('CONFLICTS', `${conflicts.length} changes conflict with edits made in WeCom`, {
          details: { count: conflicts.length },
        });
      }
      const issues = validateOps(WorkingCopy.build(remote, []), ops);
      if (issues.length) {
        throw AppError.invalid('staged changes no longer apply to WeCom', wireIssues(issues));
      }
      ctx.progress('conflicts', changes.length, changes.length);

      const calls = planCalls(remote, ops);
      const orphans = undefinedLocalIds(calls.map((c) => c.call));
      if (orphans.length) {
        // They name a department or tag an earlier push failed to create: settle that one first.
        throw new AppError('DEPENDENCY_FAILED', 'changes refer to a create of an unfinished push', {
          details: { localIds: orphans },
        });
      }
      const batchId = await this.d.outbox.record(
        corpId,
        FEATURE,
        changes.map((c) => c.id),
        calls.map((c) => ({
          call: c.call,
          family: 'contacts-write',
          entity: c.entity,
          key: c.key,
          summary: c.summary,
          before: c.before,
          after: c.after,
        })),
      );
      await this.d.outbox.runBatch(corpId, batchId, ctx);
      const ids = await this.d.outboxRepo.idMap(batchId);
      await refreshTouched(this.d, http, read.cred, read.fallback, ctx, ops, ids);
      await this.d.outbox.close(batchId);
      await this.afterBatchSettled(corpId);
    }

    const left = await this.d.outboxRepo.unsettled(corpId);
    const failed = left.filter((r) => r.status === 'failed').length;
    if (failed > 0) {
      throw new AppError('WECOM_REQUEST_REJECTED', `${failed} push operations failed`, {
        details: { failed, pending: left.length - failed },
      });
    }
    if (left.length > 0) {
      throw new AppError('NETWORK', `${left.length} push operations not confirmed`, {
        retryable: true,
        details: { pending: left.length },
      });
    }
  }

  private async opsOfBatch(corpId: string, batchId: number): Promise<ChangeOp[]> {
    return (await this.d.changes.active(corpId)).filter((c) => c.batchId === batchId).flatMap((c) => c.ops);
  }

  /**
   * Once a batch has closed, the changes staged while it was open may still name its new departments
   * and tags by local id: they are rewritten to WeCom's ids, and no longer checked against a base.
   */
  private async afterBatchSettled(corpId: string): Promise<void> {
    const maps = await this.d.outboxRepo.closedIdMaps(corpId);
    if (maps.department.size + maps.tag.size === 0) return;
    for (const c of await this.d.changes.active(corpId)) {
      if (c.batchId !== null) continue;
      const ops = mapIds(c.ops, maps);
      if (JSON.stringify(ops) === JSON.stringify(c.ops)) continue;
      const base = Object.fromEntries(Object.entries(c.base).filter(([k]) => !/:-\d+$/.test(k)));
      await this.d.changes.replaceOps(corpId, c.id, ops, base);
    }
  }

  async state(): Promise<{ conflicts: Conflict[]; ops: OutboxOp[]; runningJobId: string | null }> {
    const corpId = await this.d.editor.corpId();
    return {
      conflicts: await this.d.changes.conflicts(corpId),
      ops: await this.d.outboxRepo.visibleOps(corpId, FEATURE),
      runningJobId: this.d.jobs.runningOf('org.push'),
    };
  }

  /** theirs: drop my change; mine: re-base it on WeCom's current version so the next push applies it. */
  async resolve(changeId: number, keep: 'mine' | 'theirs'): Promise<number> {
    const corpId = await this.d.editor.corpId();
    const change = (await this.d.changes.active(corpId)).find((c) => c.id === changeId);
    if (!change) throw new AppError('NOT_FOUND', `change ${changeId}`);
    if (keep === 'theirs') await this.d.changes.deleteChange(corpId, changeId);
    else await this.d.changes.setBase(corpId, changeId, rebase(change, await this.d.org.loadSnapshot()));
    const remaining = await this.d.changes.deleteConflict(corpId, changeId);
    this.d.editor.invalidate(false);
    await this.d.editor.notifyChanged();
    return remaining;
  }
}

/** The entities a call touched, as ops, for re-reading them. */
function keysOf(call: { kind: string } & Record<string, unknown>): ChangeOp[] {
  if (typeof call.userid === 'string') return [{ type: 'member.delete', userid: call.userid }];
  if (typeof call.tagid === 'number') return [{ type: 'tag.delete', tagid: call.tagid }];
  return [];
}
