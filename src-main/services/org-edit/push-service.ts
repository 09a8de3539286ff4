import { AppError } from '../../contract/errors';
import type { ChangeOp, Conflict } from '../../contract/org-edit';
import type { OutboxOp } from '../../contract/outbox';
import type { PushPhase, PushPreview } from '../../contract/push';
import type { ChangesRepo } from '../../db/repos/changes-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import { toOp, type OutboxRepo } from '../../db/repos/outbox-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { contactsRead } from '../../wecom/endpoints/contacts-read';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import { WecomNetworkError } from '../../wecom/errors';
import type { JobContext, JobRunner } from '../jobs/job-runner';
import type { OutboxService } from '../outbox/outbox-service';
import { pullOrg } from '../org/sync';
import type { Connectivity } from '../settings/connectivity';
import type { CorpContext } from '../settings/corp-context';
import { detectConflicts, planCalls, rebase, validateOps, wireIssues, WorkingCopy } from './model';
import { mapIds } from './model/local-ids';
import type { OrgEditService } from './org-edit-service';
import { refreshTouched } from './refresh';
import { undefinedLocalIds } from './plan-check';
import { countByKind, holderFacts, wantsHolder } from './push-preview';

const FEATURE = 'contacts';

/** Past this many members, a refused mobile's holder is not looked for by re-reading every member. */
const HOLDER_REREAD_MAX_MEMBERS = 3000;

/** Reports every tick of `ctx` under one push phase, so the dialog can keep one bar per step. */
function inPhase(ctx: JobContext, phase: PushPhase): JobContext {
  return { signal: ctx.signal, progress: (_p, done, total) => ctx.progress(phase, done, total) };
}

/**
 * "推送到企业微信" for the current corp only: settle this corp's open batches first (reading WeCom for
 * any call whose outcome is unknown), then pull what the changes touch, stop on conflicts, plan the calls
 * in a safe order, record them all in the outbox, and run them. Failed calls wait for the clerk (retry,
 * skip, take WeCom's state) without blocking later pushes.
 */
export class PushService {
  /** The batches the latest run (in this process) sent or settled: its results, not an older push's. */
  private lastRun: { batchIds: number[] } | null = null;

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
    const run = { batchIds: [] as number[] };
    this.lastRun = run;

    // 1. This corp's open batches: calls in flight are read back, unsent ones sent.
    const settle = inPhase(ctx, 'settle');
    for (const batchId of await this.d.outboxRepo.openBatches(corpId, FEATURE)) {
      run.batchIds.push(batchId);
      const ops = await this.opsOfBatch(corpId, batchId);
      await this.d.outbox.runBatch(corpId, batchId, settle);
      const ids = await this.d.outboxRepo.idMap(batchId);
      await refreshTouched(this.d, http, read.cred, read.fallback, settle, ops, ids);
      await this.rereadHolders(batchId, http, read, settle);
      await this.d.outbox.close(batchId);
    }
    await this.afterBatchSettled(corpId);

    // 2. The changes staged since.
    const changes = await this.d.editor.unbatched();
    if (changes.length > 0) {
      const ops = changes.flatMap((c) => c.ops);
      ctx.progress('pull', 0, 1);
      await refreshTouched(this.d, http, read.cred, read.fallback, inPhase(ctx, 'pull'), ops);
      ctx.progress('pull', 1, 1);
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
      run.batchIds.push(batchId);
      const outcome = await this.d.outbox.runBatch(corpId, batchId, ctx);
      // The outbox ticks only on applied calls: end the bar at its end, refused calls included.
      const settled = outcome.done + outcome.failed + outcome.skipped;
      ctx.progress('apply', settled, settled + outcome.pending);
      ctx.progress('refresh', 0, 1);
      const ids = await this.d.outboxRepo.idMap(batchId);
      await refreshTouched(this.d, http, read.cred, read.fallback, inPhase(ctx, 'refresh'), ops, ids);
      await this.rereadHolders(batchId, http, read, inPhase(ctx, 'refresh'));
      ctx.progress('refresh', 1, 1);
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

  /**
   * WeCom refused a call because someone else holds its mobile, email or userid (60104, 60106, 60102),
   * typically added in the admin console after our last sync. The re-read above only covered the
   * members we touched, so when the local copy does not know the holder, it re-reads every member
   * (small corps only) so the reason can name who holds it.
   */
  private async rereadHolders(
    batchId: number,
    http: WecomHttp,
    read: { cred: Credential; fallback: Credential | null },
    ctx: JobContext,
  ): Promise<void> {
    const refused = (await this.d.outboxRepo.rows(batchId)).filter(
      (r) => r.status === 'failed' && wantsHolder(r.errcode),
    );
    if (refused.length === 0) return;
    const snap = await this.d.org.loadSnapshot();
    const unknown = refused.some((r) => {
      const facts = holderFacts(r.call, r.errcode, snap);
      return facts !== undefined && facts.holderUserid === undefined;
    });
    if (!unknown || snap.members.length > HOLDER_REREAD_MAX_MEMBERS) return;
    const { snapshot } = await pullOrg(http, read.cred, read.fallback, ctx, await this.d.org.pinyinByName());
    await this.d.org.replaceAll(snapshot);
    this.d.editor.invalidate(true);
    this.d.bus.emit('org.cacheChanged', { at: new Date().toISOString() });
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

  async state(): Promise<{
    conflicts: Conflict[];
    ops: OutboxOp[];
    runningJobId: string | null;
    lastRunBatchIds: number[] | null;
  }> {
    const corpId = await this.d.editor.corpId();
    const ops = await this.d.outboxRepo.visibleOps(corpId, FEATURE);
    // The latest run's own batches, closed or not: its results, beside any batch still open.
    const shown = new Set(ops.map((o) => o.batchId));
    for (const batchId of this.lastRun?.batchIds ?? []) {
      if (shown.has(batchId)) continue;
      for (const r of await this.d.outboxRepo.rows(batchId)) if (r.corpId === corpId) ops.push(toOp(r));
    }
    ops.sort((a, b) => a.batchId - b.batchId || a.seq - b.seq);
    return {
      conflicts: await this.d.changes.conflicts(corpId),
      ops: await this.withFacts(ops),
      runningJobId: this.d.jobs.runningOf('org.push'),
      lastRunBatchIds: this.lastRun ? [...this.lastRun.batchIds] : null,
    };
  }

  /** Refused rows whose reason names a holder get that holder from the local copy of WeCom. */
  private async withFacts(ops: OutboxOp[]): Promise<OutboxOp[]> {
    if (!ops.some((o) => o.status === 'failed' && wantsHolder(o.errcode))) return ops;
    const snap = await this.d.editor.base();
    return Promise.all(
      ops.map(async (o) => {
        if (o.status !== 'failed' || !wantsHolder(o.errcode)) return o;
        const row = await this.d.outboxRepo.row(o.id);
        const facts = row ? holderFacts(row.call, o.errcode, snap) : undefined;
        return facts ? { ...o, facts } : o;
      }),
    );
  }

  /** The confirmation summary: the calls the staged changes would make, planned on the local copy. */
  async preview(): Promise<PushPreview> {
    const corpId = await this.d.editor.requireSynced();
    const changes = await this.d.editor.unbatched();
    const ops = changes.flatMap((c) => c.ops);
    const calls = ops.length > 0 ? planCalls(await this.d.editor.base(), ops).map((c) => c.call) : [];
    const left = await this.d.outboxRepo.unsettled(corpId);
    const failed = left.filter((r) => r.status === 'failed').length;
    return {
      changes: changes.length,
      calls: calls.length,
      byKind: countByKind(calls),
      carried: left.length - failed,
      failed,
      demo: (await this.d.corp.resolve()).mode === 'demo',
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
