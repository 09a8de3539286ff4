import type { OutboxCall, OutboxOp, OutboxStatus } from '../../contract/outbox';
import type { Db } from '../connection';
import { json, parseJson } from './json';

export interface OutboxRow {
  id: number;
  corpId: string;
  batchId: number;
  seq: number;
  call: OutboxCall;
  family: string;
  entity: string;
  key: string;
  summary: string;
  before: unknown;
  after: unknown;
  status: OutboxStatus;
  attempts: number;
  errorCode: string | null;
  errcode: number | null;
  result: unknown;
  updatedAt: string;
}

export interface NewOutboxRow {
  call: OutboxCall;
  family: string;
  entity: string;
  key: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export type IdKind = 'department' | 'tag';
export type IdMap = Record<IdKind, Map<number, number>>;

/** Push batches, outbox rows and each batch's own id map. SQL only; every query names its corp. */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /**
   * Records a batch and every call in it before any is attempted (the crash-safety invariant). Only
   * changes still unbatched are taken, inside the same IMMEDIATE transaction, so two pushes can never
   * batch (and send) the same change.
   */
  async createBatch(
    corpId: string,
    feature: string,
    at: string,
    changeIds: number[],
    rows: NewOutboxRow[],
  ): Promise<number> {
    return this.db.transaction(async () => {
      const b = await this.db.run(
        "INSERT INTO push_batches (started_at, status, corp_id, feature) VALUES (?, 'open', ?, ?)",
        [at, corpId, feature],
      );
      const id = b.lastID;
      for (const cid of changeIds) {
        const r = await this.db.run(
          'UPDATE staged_changes SET batch_id = ? WHERE id = ? AND corp_id = ? AND batch_id IS NULL',
          [id, cid, corpId],
        );
        if (r.changes !== 1) throw new Error(`change ${cid} is already in a batch`);
      }
      const stmt = this.db.prepare(
        `INSERT INTO outbox (corp_id, batch_id, seq, kind, call, family, entity, entity_key, summary, before, after, status, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,'pending',?)`,
      );
      let seq = 0;
      for (const c of rows) {
        await stmt.run([
          corpId,
          id,
          ++seq,
          c.call.kind,
          JSON.stringify(c.call),
          c.family,
          c.entity,
          c.key,
          c.summary,
          json(c.before),
          json(c.after),
          at,
        ]);
      }
      await stmt.finalize();
      return id;
    });
  }

  async rows(batchId: number): Promise<OutboxRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq',
      [batchId],
    );
    return rows.map(toRow);
  }

  async row(id: number): Promise<OutboxRow | null> {
    const r = await this.db.get<Record<string, unknown>>('SELECT * FROM outbox WHERE id = ?', [id]);
    return r ? toRow(r) : null;
  }

  async openBatches(corpId: string, feature: string): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      "SELECT id FROM push_batches WHERE corp_id = ? AND feature = ? AND status = 'open' ORDER BY id",
      [corpId, feature],
    );
    return rows.map((r) => r.id);
  }

  /** Compare-and-set: only one caller can move a row from pending to sending. */
  async claim(id: number, owner: string, at: string): Promise<boolean> {
    const r = await this.db.run(
      "UPDATE outbox SET status = 'sending', claimed_by = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending'",
      [owner, at, id],
    );
    return r.changes === 1;
  }

  /** A claimed row whose call certainly did not reach WeCom (or reconcile found it not applied). */
  async release(id: number, at: string): Promise<void> {
    await this.db.run(
      "UPDATE outbox SET status = 'pending', claimed_by = NULL, updated_at = ? WHERE id = ? AND status = 'sending'",
      [at, id],
    );
  }

  /** Done, its id mapping and its audit entry land together or not at all. */
  async markDone(row: OutboxRow, at: string, result: unknown, remoteId: number | null): Promise<void> {
    await this.db.transaction(async () => {
      const r = await this.db.run(
        "UPDATE outbox SET status = 'done', result = ?, error_code = NULL, errcode = NULL, claimed_by = NULL, updated_at = ? WHERE id = ? AND status IN ('sending', 'failed')",
        [json(result), at, row.id],
      );
      if (r.changes !== 1) throw new Error(`outbox row ${row.id} was not in flight`);
      const defines = definedId(row.call);
      if (defines && remoteId !== null) {
        await this.db.run('INSERT INTO id_map (batch_id, kind, local_id, remote_id) VALUES (?,?,?,?)', [
          row.batchId,
          defines.kind,
          defines.localId,
          remoteId,
        ]);
      }
      await this.audit(row, at, '成功');
    });
  }

  /** Only a WeCom refusal (or an id this batch never created) ends here. */
  async markFailed(
    row: OutboxRow,
    at: string,
    errorCode: string,
    errcode: number | null,
    message: string,
  ): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        "UPDATE outbox SET status = 'failed', error_code = ?, errcode = ?, result = ?, claimed_by = NULL, updated_at = ? WHERE id = ? AND status IN ('pending', 'sending')",
        [errorCode, errcode, JSON.stringify({ message }), at, row.id],
      );
      await this.audit(row, at, `失败：${errorCode}${errcode !== null ? `（${errcode}）` : ''}`);
    });
  }

  /** failed → pending, for 「重试」; only this corp's rows. */
  async retry(corpId: string, at: string, ids?: number[]): Promise<number> {
    if (ids && ids.length === 0) return 0;
    const only = ids ? ` AND id IN (${ids.map(() => '?').join(',')})` : '';
    const r = await this.db.run(
      `UPDATE outbox SET status = 'pending', updated_at = ? WHERE corp_id = ? AND status = 'failed'${only}`,
      [at, corpId, ...(ids ?? [])],
    );
    return r.changes;
  }

  /** failed → skipped: the clerk gives up on this call (or takes WeCom's state instead). */
  async skip(corpId: string, id: number, at: string, why: string): Promise<OutboxRow | null> {
    return this.db.transaction(async () => {
      const r = await this.db.run(
        "UPDATE outbox SET status = 'skipped', updated_at = ? WHERE id = ? AND corp_id = ? AND status = 'failed'",
        [at, id, corpId],
      );
      if (r.changes !== 1) return null;
      const row = (await this.row(id))!;
      await this.audit(row, at, why);
      return row;
    });
  }

  /**
   * Closes a batch once nothing in it is pending, in flight or failed; its staged changes are then
   * settled and leave the change list. Answers whether it closed.
   */
  async closeIfSettled(batchId: number, at: string): Promise<boolean> {
    return this.db.transaction(async () => {
      const open = await this.db.get<{ n: number }>(
        "SELECT COUNT(*) n FROM outbox WHERE batch_id = ? AND status IN ('pending', 'sending', 'failed')",
        [batchId],
      );
      if ((open?.n ?? 0) > 0) return false;
      await this.settle(batchId, 'done', at);
      return true;
    });
  }

  /** Ends an open batch; its staged changes (and their conflicts) leave the list. Inside a transaction. */
  private async settle(batchId: number, status: 'done' | 'abandoned', at: string): Promise<number> {
    await this.db.run(
      "UPDATE push_batches SET status = ?, finished_at = ? WHERE id = ? AND status = 'open'",
      [status, at, batchId],
    );
    await this.db.run(
      'DELETE FROM conflicts WHERE change_id IN (SELECT id FROM staged_changes WHERE batch_id = ?)',
      [batchId],
    );
    return (await this.db.run('DELETE FROM staged_changes WHERE batch_id = ?', [batchId])).changes;
  }

  /**
   * 「放弃」: a batch with nothing in flight is given up — its unsent and refused calls are skipped, its
   * changes leave the list. A batch with a call in flight is kept (its outcome must be read first).
   * Answers how many staged changes went.
   */
  async abandon(batchId: number, at: string): Promise<number> {
    return this.db.transaction(async () => {
      const busy = await this.db.get<{ n: number }>(
        "SELECT COUNT(*) n FROM outbox WHERE batch_id = ? AND status = 'sending'",
        [batchId],
      );
      if ((busy?.n ?? 0) > 0) return 0;
      await this.db.run(
        "UPDATE outbox SET status = 'skipped', updated_at = ? WHERE batch_id = ? AND status IN ('pending', 'failed')",
        [at, batchId],
      );
      return this.settle(batchId, 'abandoned', at);
    });
  }

  /** Local ids resolve only to creates of the same batch. */
  async idMap(batchId: number): Promise<IdMap> {
    const rows = await this.db.all<{ kind: string; local_id: number; remote_id: number }>(
      'SELECT kind, local_id, remote_id FROM id_map WHERE batch_id = ?',
      [batchId],
    );
    return toIdMap(rows);
  }

  /** Local → WeCom ids of every closed batch of the corp, to rewrite changes staged while they ran. */
  async closedIdMaps(corpId: string): Promise<IdMap> {
    const rows = await this.db.all<{ kind: string; local_id: number; remote_id: number }>(
      `SELECT m.kind, m.local_id, m.remote_id FROM id_map m JOIN push_batches b ON b.id = m.batch_id
       WHERE b.corp_id = ? AND b.status = 'done'`,
      [corpId],
    );
    return toIdMap(rows);
  }

  /** What the push dialog shows: the rows of every open batch, else of the latest one. */
  async visibleOps(corpId: string, feature: string): Promise<OutboxOp[]> {
    const open = await this.openBatches(corpId, feature);
    let ids = open;
    if (ids.length === 0) {
      const last = await this.db.get<{ id: number }>(
        'SELECT id FROM push_batches WHERE corp_id = ? AND feature = ? ORDER BY id DESC LIMIT 1',
        [corpId, feature],
      );
      ids = last ? [last.id] : [];
    }
    const out: OutboxOp[] = [];
    for (const id of ids) for (const r of await this.rows(id)) out.push(toOp(r));
    return out;
  }

  /** Rows of a corp not yet settled, for the corp-switch summary and the CLI. */
  async unsettled(corpId: string): Promise<OutboxRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT * FROM outbox WHERE corp_id = ? AND status IN ('pending', 'sending', 'failed') ORDER BY batch_id, seq",
      [corpId],
    );
    return rows.map(toRow);
  }

  private async audit(row: OutboxRow, at: string, result: string): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (corp_id, at, api, summary, entity, entity_key, before, after, result, outbox_id) VALUES (?,?,?,?,?,?,?,?,?,?)',
      [
        row.corpId,
        at,
        row.call.kind,
        row.summary,
        row.entity,
        row.key,
        json(row.before),
        json(row.after),
        result,
        row.id,
      ],
    );
  }
}

export function definedId(call: OutboxCall): { kind: IdKind; localId: number } | null {
  if (call.kind === 'dept.create') return { kind: 'department', localId: call.localId };
  if (call.kind === 'tag.create') return { kind: 'tag', localId: call.localId };
  return null;
}

function toIdMap(rows: ReadonlyArray<{ kind: string; local_id: number; remote_id: number }>): IdMap {
  const out: IdMap = { department: new Map(), tag: new Map() };
  for (const r of rows) (r.kind === 'tag' ? out.tag : out.department).set(r.local_id, r.remote_id);
  return out;
}

function toRow(r: Record<string, unknown>): OutboxRow {
  return {
    id: r.id as number,
    corpId: r.corp_id as string,
    batchId: r.batch_id as number,
    seq: r.seq as number,
    call: JSON.parse(r.call as string) as OutboxCall,
    family: r.family as string,
    entity: r.entity as string,
    key: r.entity_key as string,
    summary: r.summary as string,
    before: parseJson(r.before),
    after: parseJson(r.after),
    status: r.status as OutboxStatus,
    attempts: r.attempts as number,
    errorCode: (r.error_code as string | null) ?? null,
    errcode: (r.errcode as number | null) ?? null,
    result: parseJson(r.result),
    updatedAt: r.updated_at as string,
  };
}

export function toOp(r: OutboxRow): OutboxOp {
  const res = r.result as { message?: unknown } | null;
  return {
    id: r.id,
    batchId: r.batchId,
    seq: r.seq,
    kind: r.call.kind,
    summary: r.summary,
    status: r.status,
    attempts: r.attempts,
    errorCode: r.errorCode,
    errcode: r.errcode,
    reason: r.status === 'failed' && typeof res?.message === 'string' ? res.message : null,
    updatedAt: r.updatedAt,
  };
}
