import type { EditRepo, OutboxRow } from '../../db/repos/edit-repo';
import type { Logger } from '../../platform/logger';
import { WecomError, WecomNetworkError, toAppError } from '../../wecom/errors';
import { contactsRead } from '../../wecom/endpoints/contacts-read';
import { sendWrite } from '../../wecom/endpoints/contacts-write';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { JobContext } from '../jobs/job-runner';
import { UnresolvedIdError, resolveBody } from './placeholders';

export interface ExecDeps {
  repo: EditRepo;
  http: WecomHttp;
  cred: Credential;
  logger: Logger;
  now: () => string;
}

export interface BatchOutcome {
  done: number;
  failed: number;
  pending: number;
}

/**
 * Runs a batch's outbox in sequence. Each row is marked 'sending' before the call and 'done' (with
 * its audit entry) after it, so a crash leaves at most one row in 'sending'; `reconcile` settles such
 * rows on the next run by looking at WeCom before re-sending anything that is not idempotent.
 */
export async function executeBatch(d: ExecDeps, batchId: number, ctx: JobContext): Promise<BatchOutcome> {
  let rows = await d.repo.outbox(batchId);
  for (const row of rows.filter((r) => r.status === 'sending')) await reconcile(d, row);
  rows = await d.repo.outbox(batchId);
  const total = rows.length;
  let done = rows.filter((r) => r.status === 'done').length;
  ctx.progress('apply', done, total);

  for (const row of rows) {
    if (row.status !== 'pending') continue;
    if (ctx.signal.aborted) break;
    let body: Record<string, unknown>;
    try {
      body = resolveBody(row.api, row.body, await d.repo.idMap());
    } catch (e) {
      if (!(e instanceof UnresolvedIdError)) throw e;
      await d.repo.markFailed(row, d.now(), 'DEPENDENCY_FAILED', null, e.message);
      continue;
    }
    await d.repo.markSending(row.id, d.now());
    try {
      const { remoteId, response } = await sendWrite(d.http, d.cred, row.api, body);
      await d.repo.markDone(row, d.now(), response, remoteId);
      ctx.progress('apply', ++done, total);
    } catch (e) {
      if (e instanceof WecomNetworkError) {
        // Whether WeCom applied it is unknown: the row stays 'sending' for reconcile on the next run.
        throw e;
      }
      const app = toAppError(e);
      await d.repo.markFailed(
        row,
        d.now(),
        app.code,
        e instanceof WecomError ? e.errcode : null,
        app.message,
      );
      // A configuration error (no write permission, untrusted IP…) would fail every call the same way.
      if (e instanceof WecomError && (e.cls === 'config' || e.cls === 'rate')) throw e;
    }
  }
  const final = await d.repo.outbox(batchId);
  return {
    done: final.filter((r) => r.status === 'done').length,
    failed: final.filter((r) => r.status === 'failed').length,
    pending: final.filter((r) => r.status === 'pending' || r.status === 'sending').length,
  };
}

/** Decides from WeCom's current state whether an interrupted call took effect. */
async function reconcile(d: ExecDeps, row: OutboxRow): Promise<void> {
  const read = contactsRead(d.http, d.cred);
  const at = d.now();
  const exists = async (probe: () => Promise<unknown>, missing: number[]): Promise<boolean> => {
    try {
      await probe();
      return true;
    } catch (e) {
      if (e instanceof WecomError && missing.includes(e.errcode)) return false;
      throw e;
    }
  };
  let map;
  let body: Record<string, unknown>;
  try {
    map = await d.repo.idMap();
    body = resolveBody(row.api, row.body, map);
  } catch {
    await d.repo.markPending(row.id, at);
    return;
  }
  switch (row.api) {
    case 'department/create': {
      const siblings = await read.departmentList(Number(body.parentid));
      const hit = siblings.find((x) => x.parentid === Number(body.parentid) && x.name === body.name);
      if (hit) await d.repo.markDone(row, at, { reconciled: true }, hit.id);
      else await d.repo.markPending(row.id, at);
      return;
    }
    case 'tag/create': {
      const hit = (await read.tagList()).find((t) => t.tagname === body.tagname);
      if (hit) await d.repo.markDone(row, at, { reconciled: true }, hit.tagid);
      else await d.repo.markPending(row.id, at);
      return;
    }
    case 'user/create': {
      if (await exists(() => read.userGet(String(body.userid)), [60111, 40003]))
        await d.repo.markDone(row, at, { reconciled: true }, null);
      else await d.repo.markPending(row.id, at);
      return;
    }
    case 'user/delete': {
      if (await exists(() => read.userGet(String(body.userid)), [60111, 40003]))
        await d.repo.markPending(row.id, at);
      else await d.repo.markDone(row, at, { reconciled: true }, null);
      return;
    }
    case 'department/delete': {
      const all = await read.departmentSimpleList();
      if (all.some((x) => x.id === Number(body.id))) await d.repo.markPending(row.id, at);
      else await d.repo.markDone(row, at, { reconciled: true }, null);
      return;
    }
    case 'tag/delete': {
      if ((await read.tagList()).some((t) => t.tagid === Number(body.tagid)))
        await d.repo.markPending(row.id, at);
      else await d.repo.markDone(row, at, { reconciled: true }, null);
      return;
    }
    default:
      // Updates and tag membership calls set absolute values: sending them again is harmless.
      await d.repo.markPending(row.id, at);
  }
}
