import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { OutboxCall } from '../../contract/outbox';
import type { NewOutboxRow, OutboxRepo, OutboxRow } from '../../db/repos/outbox-repo';
import type { Logger } from '../../platform/logger';
import { toAppError } from '../../wecom/errors';
import { NotSentError, type HandlerSource, type OutboxHandler } from './handler';
import { outcomeOf, stopsTheBatch } from './outcome';
import { UnresolvedIdError, resolveCall } from './placeholders';

export interface RunContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
}

export interface BatchOutcome {
  done: number;
  failed: number;
  skipped: number;
  /** Pending or in flight: not yet known to be applied. */
  pending: number;
}

/**
 * The one outbox every feature writes to WeCom through. A batch and all its calls are recorded before
 * the first is sent; each row is claimed (compare-and-set) before its call; done + id mapping + audit
 * land in one transaction. A call whose outcome is unknown is never re-sent blindly: its row stays
 * 'sending' and WeCom is read to decide. Only a WeCom refusal marks a row failed, and a failed row does
 * not block the rest of its batch or later batches.
 */
export class OutboxService {
  /** Identifies this process's claims in the table (one instance per data folder holds the lock). */
  readonly owner = randomUUID();

  constructor(
    private readonly d: {
      repo: OutboxRepo;
      handlers: HandlerSource;
      logger: Logger;
      now: () => string;
    },
  ) {}

  record(corpId: string, feature: string, changeIds: number[], rows: NewOutboxRow[]): Promise<number> {
    return this.d.repo.createBatch(corpId, feature, this.d.now(), changeIds, rows);
  }

  /** Runs a batch of `corpId`; another corp's batch is refused, whatever asks. */
  async runBatch(corpId: string, batchId: number, ctx: RunContext): Promise<BatchOutcome> {
    const rows = await this.d.repo.rows(batchId);
    if (rows.some((r) => r.corpId !== corpId)) {
      throw new AppError('INTERNAL', `batch ${batchId} does not belong to corp ${corpId}`);
    }
    const total = rows.length;
    let settled = rows.filter((r) => r.status === 'done' || r.status === 'skipped').length;
    ctx.progress('apply', settled, total);
    for (const r of rows) {
      if (ctx.signal.aborted) break;
      if (r.status !== 'pending' && r.status !== 'sending') continue;
      const row = (await this.d.repo.row(r.id))!;
      // In flight from an earlier run: read WeCom first; only a call found not applied is sent again.
      if (row.status === 'sending' && !(await this.reconcile(row)))
        await this.sendOne((await this.d.repo.row(r.id))!);
      else if (row.status === 'pending') await this.sendOne(row);
      const now = await this.d.repo.row(r.id);
      if (now?.status === 'done') ctx.progress('apply', ++settled, total);
    }
    return this.outcome(batchId);
  }

  /**
   * Closes a batch once nothing in it is open, failed or in flight; its staged changes then leave the
   * list. Callers close only after re-reading what the batch changed, so an interruption in between
   * leaves the batch open (and the re-read to be done again) rather than a stale cache.
   */
  close(batchId: number): Promise<boolean> {
    return this.d.repo.closeIfSettled(batchId, this.d.now());
  }

  async outcome(batchId: number): Promise<BatchOutcome> {
    const rows = await this.d.repo.rows(batchId);
    const n = (s: OutboxRow['status'][]) => rows.filter((r) => s.includes(r.status)).length;
    return {
      done: n(['done']),
      failed: n(['failed']),
      skipped: n(['skipped']),
      pending: n(['pending', 'sending']),
    };
  }

  private async handler(row: OutboxRow): Promise<OutboxHandler> {
    return this.d.handlers(row.corpId, row.call);
  }

  private async resolved(row: OutboxRow): Promise<OutboxCall> {
    return resolveCall(row.call, await this.d.repo.idMap(row.batchId));
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    let call: OutboxCall;
    try {
      call = await this.resolved(row);
    } catch (e) {
      if (!(e instanceof UnresolvedIdError)) throw e;
      await this.d.repo.markFailed(row, this.d.now(), 'DEPENDENCY_FAILED', null, e.message);
      return;
    }
    const h = await this.handler(row);
    if (!(await this.d.repo.claim(row.id, this.owner, this.d.now()))) return; // someone else has it
    let result;
    try {
      result = await h.send(call);
    } catch (e) {
      await this.afterFailedSend({ ...row, attempts: row.attempts + 1 }, call, h, e);
      return;
    }
    try {
      await this.d.repo.markDone(row, this.d.now(), result.response, result.remoteId);
    } catch (e) {
      // WeCom applied it but we could not record that: leave it in flight; reconcile reads it back.
      this.d.logger.error(`outbox row ${row.id} applied but not recorded`, e instanceof Error ? e.stack : e);
      throw new AppError('INTERNAL', `could not record outbox row ${row.id}`, { cause: e });
    }
  }

  private async afterFailedSend(
    row: OutboxRow,
    call: OutboxCall,
    h: OutboxHandler,
    e: unknown,
  ): Promise<void> {
    if (e instanceof NotSentError) {
      await this.d.repo.markFailed(row, this.d.now(), e.code, null, e.message);
      return;
    }
    const outcome = outcomeOf(e);
    if (outcome === 'unsent') {
      await this.d.repo.release(row.id, this.d.now());
      throw e;
    }
    if (outcome === 'unknown') {
      this.d.logger.warn(`outbox row ${row.id} (${row.call.kind}) outcome unknown; reading WeCom`);
      // Settle it now if WeCom can be read; if not, it stays 'sending' for the next run. Not applied:
      // stop here, so calls that depend on it wait for the next run instead of failing.
      const applied = await this.reconcile(row).catch(() => false);
      if (!applied) throw e;
      return;
    }
    // A re-sent create meeting "exists", or delete meeting "not found", may be our own earlier call.
    if (row.attempts > 1 && h.meansApplied(call, e)) {
      const r = await h.reconcile(call, { sentAt: row.updatedAt });
      if (r.applied) {
        const result = { ...r.response, reconciled: true, note: r.note ?? null };
        await this.d.repo.markDone(row, this.d.now(), result, r.remoteId);
        return;
      }
    }
    const app = toAppError(e);
    const errcode = typeof app.details?.errcode === 'number' ? app.details.errcode : null;
    await this.d.repo.markFailed(row, this.d.now(), app.code, errcode, app.message);
    if (stopsTheBatch(e)) throw e;
  }

  /** Decides from WeCom's current state whether an in-flight call took effect. */
  private async reconcile(row: OutboxRow): Promise<boolean> {
    let call: OutboxCall;
    try {
      call = await this.resolved(row);
    } catch (e) {
      if (!(e instanceof UnresolvedIdError)) throw e;
      // Its create never completed, so this call cannot have been sent with a real id.
      await this.d.repo.release(row.id, this.d.now());
      return false;
    }
    const h = await this.handler(row);
    const r = await h.reconcile(call, { sentAt: row.updatedAt });
    if (r.applied) {
      const result = { ...r.response, reconciled: true, note: r.note ?? null };
      await this.d.repo.markDone(row, this.d.now(), result, r.remoteId);
    } else await this.d.repo.release(row.id, this.d.now());
    return r.applied;
  }

  /** 「重试」: failed rows of this corp go back to pending (all, or the ones named). */
  retry(corpId: string, ids?: number[]): Promise<number> {
    return this.d.repo.retry(corpId, this.d.now(), ids);
  }

  /** 「跳过」: the clerk gives a failed row up; its batch can then be closed. */
  async skip(corpId: string, id: number, why: string): Promise<OutboxRow> {
    const row = await this.d.repo.skip(corpId, id, this.d.now(), why);
    if (!row) throw new AppError('NOT_FOUND', `no failed outbox row ${id}`);
    return row;
  }
}
