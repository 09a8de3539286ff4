import type { AuditEntry, Change, ChangeOp, Conflict, OutboxOp, Rule } from '../../contract/org-edit';
import type { Db } from '../connection';

export interface StagedRow extends Change {
  base: Record<string, string>;
  batchId: number | null;
}

export interface OutboxRow {
  id: number;
  batchId: number;
  seq: number;
  api: string;
  body: Record<string, unknown>;
  defines: { kind: 'department' | 'tag'; localId: number } | null;
  entity: string;
  key: string;
  summary: string;
  before: unknown;
  after: unknown;
  status: 'pending' | 'sending' | 'done' | 'failed';
  attempts: number;
  errorCode: string | null;
  errcode: number | null;
}

export interface NewOutboxRow {
  seq: number;
  api: string;
  body: Record<string, unknown>;
  defines?: { kind: 'department' | 'tag'; localId: number } | undefined;
  entity: string;
  key: string;
  summary: string;
  before: unknown;
  after: unknown;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = <T>(s: unknown): T | null => (typeof s === 'string' ? (JSON.parse(s) as T) : null);

/** Staged changes, push batches, the outbox, id map, audit log, rules and conflicts. SQL only. */
export class EditRepo {
  constructor(private readonly db: Db) {}

  // --- staged changes (the undo stack) ---

  async addChange(c: {
    label: string;
    ops: ChangeOp[];
    summaries: string[];
    base: Record<string, string>;
    at: string;
  }): Promise<StagedRow> {
    // A new gesture forgets whatever was undone (the redo stack), as in every editor.
    await this.db.run('DELETE FROM staged_changes WHERE undone = 1 AND batch_id IS NULL');
    const r = await this.db.run(
      'INSERT INTO staged_changes (label, ops, summaries, base, created_at) VALUES (?,?,?,?,?)',
      [c.label, JSON.stringify(c.ops), JSON.stringify(c.summaries), JSON.stringify(c.base), c.at],
    );
    return {
      id: r.lastID,
      label: c.label,
      ops: c.ops,
      summaries: c.summaries,
      base: c.base,
      createdAt: c.at,
      batchId: null,
    };
  }

  /** Active changes in order: not undone; both unpushed and those in the open batch. */
  async activeChanges(): Promise<StagedRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE undone = 0 ORDER BY id',
    );
    return rows.map(toStaged);
  }

  async lastActiveUnbatched(): Promise<StagedRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE undone = 0 AND batch_id IS NULL ORDER BY id DESC LIMIT 1',
    );
    return r ? toStaged(r) : null;
  }

  async firstUndone(): Promise<StagedRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE undone = 1 AND batch_id IS NULL ORDER BY id LIMIT 1',
    );
    return r ? toStaged(r) : null;
  }

  async setUndone(id: number, undone: boolean): Promise<void> {
    await this.db.run('UPDATE staged_changes SET undone = ? WHERE id = ?', [undone ? 1 : 0, id]);
  }

  async deleteChange(id: number): Promise<void> {
    await this.db.run('DELETE FROM staged_changes WHERE id = ? AND batch_id IS NULL', [id]);
  }

  async deleteUnbatched(): Promise<number> {
    return (await this.db.run('DELETE FROM staged_changes WHERE batch_id IS NULL')).changes;
  }

  async setBase(id: number, base: Record<string, string>): Promise<void> {
    await this.db.run('UPDATE staged_changes SET base = ? WHERE id = ?', [JSON.stringify(base), id]);
  }

  // --- conflicts ---

  async replaceConflicts(list: Conflict[]): Promise<void> {
    await this.db.run('DELETE FROM conflicts');
    for (const c of list)
      await this.db.run('INSERT OR REPLACE INTO conflicts (change_id, data) VALUES (?,?)', [
        c.changeId,
        JSON.stringify(c),
      ]);
  }

  async conflicts(): Promise<Conflict[]> {
    const rows = await this.db.all<{ data: string }>('SELECT data FROM conflicts ORDER BY change_id');
    return rows.map((r) => JSON.parse(r.data) as Conflict);
  }

  async deleteConflict(changeId: number): Promise<number> {
    await this.db.run('DELETE FROM conflicts WHERE change_id = ?', [changeId]);
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) n FROM conflicts'))?.n ?? 0;
  }

  // --- batches and the outbox ---

  async openBatch(): Promise<number | null> {
    return (
      (
        await this.db.get<{ id: number }>(
          "SELECT id FROM push_batches WHERE status = 'open' ORDER BY id LIMIT 1",
        )
      )?.id ?? null
    );
  }

  /** Records a batch and every call in it before any is attempted: the crash-safety invariant. */
  async createBatch(at: string, changeIds: number[], calls: NewOutboxRow[]): Promise<number> {
    return this.db.transaction(async () => {
      const b = await this.db.run("INSERT INTO push_batches (started_at, status) VALUES (?, 'open')", [at]);
      const id = b.lastID;
      const stmt = this.db.prepare(
        `INSERT INTO outbox (batch_id, seq, api, body, defines, entity, entity_key, summary, before, after, status, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,'pending',?)`,
      );
      for (const c of calls) {
        await stmt.run([
          id,
          c.seq,
          c.api,
          JSON.stringify(c.body),
          json(c.defines),
          c.entity,
          c.key,
          c.summary,
          json(c.before),
          json(c.after),
          at,
        ]);
      }
      await stmt.finalize();
      for (const cid of changeIds)
        await this.db.run('UPDATE staged_changes SET batch_id = ? WHERE id = ?', [id, cid]);
      return id;
    });
  }

  async outbox(batchId: number): Promise<OutboxRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq',
      [batchId],
    );
    return rows.map(toOutbox);
  }

  async latestBatchOps(): Promise<OutboxOp[]> {
    const b = await this.db.get<{ id: number }>('SELECT id FROM push_batches ORDER BY id DESC LIMIT 1');
    if (!b) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM outbox WHERE batch_id = ? ORDER BY seq',
      [b.id],
    );
    return rows.map((r) => ({
      id: r.id as number,
      seq: r.seq as number,
      api: r.api as string,
      summary: r.summary as string,
      status: r.status as OutboxOp['status'],
      attempts: r.attempts as number,
      errorCode: (r.error_code as string | null) ?? null,
      errcode: (r.errcode as number | null) ?? null,
      updatedAt: r.updated_at as string,
    }));
  }

  async markSending(id: number, at: string): Promise<void> {
    await this.db.run(
      "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?",
      [at, id],
    );
  }

  async markPending(id: number, at: string): Promise<void> {
    await this.db.run("UPDATE outbox SET status = 'pending', updated_at = ? WHERE id = ?", [at, id]);
  }

  /** Done, its id mapping and its audit entry land together or not at all. */
  async markDone(row: OutboxRow, at: string, result: unknown, remoteId: number | null): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        "UPDATE outbox SET status = 'done', result = ?, error_code = NULL, errcode = NULL, updated_at = ? WHERE id = ?",
        [json(result), at, row.id],
      );
      if (row.defines && remoteId !== null) {
        await this.db.run('INSERT OR REPLACE INTO id_map (kind, local_id, remote_id) VALUES (?,?,?)', [
          row.defines.kind,
          row.defines.localId,
          remoteId,
        ]);
      }
      await this.auditRow(row, at, '成功');
    });
  }

  async markFailed(
    row: OutboxRow,
    at: string,
    errorCode: string,
    errcode: number | null,
    message: string,
  ): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        "UPDATE outbox SET status = 'failed', error_code = ?, errcode = ?, result = ?, updated_at = ? WHERE id = ?",
        [errorCode, errcode, JSON.stringify({ message }), at, row.id],
      );
      await this.auditRow(row, at, `失败：${errorCode}${errcode !== null ? `（${errcode}）` : ''}`);
    });
  }

  async retryFailed(batchId: number, at: string): Promise<number> {
    return (
      await this.db.run(
        "UPDATE outbox SET status = 'pending', updated_at = ? WHERE batch_id = ? AND status = 'failed'",
        [at, batchId],
      )
    ).changes;
  }

  /** Closes a batch: its staged changes are settled (applied, or abandoned by the clerk). */
  async closeBatch(batchId: number, at: string, status: 'done' | 'abandoned'): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run('UPDATE push_batches SET status = ?, finished_at = ? WHERE id = ?', [
        status,
        at,
        batchId,
      ]);
      await this.db.run(
        'DELETE FROM conflicts WHERE change_id IN (SELECT id FROM staged_changes WHERE batch_id = ?)',
        [batchId],
      );
      await this.db.run('DELETE FROM staged_changes WHERE batch_id = ?', [batchId]);
    });
  }

  async idMap(): Promise<{ department: Map<number, number>; tag: Map<number, number> }> {
    const rows = await this.db.all<{ kind: string; local_id: number; remote_id: number }>(
      'SELECT * FROM id_map',
    );
    const out = { department: new Map<number, number>(), tag: new Map<number, number>() };
    for (const r of rows) (r.kind === 'tag' ? out.tag : out.department).set(r.local_id, r.remote_id);
    return out;
  }

  // --- audit ---

  /** The audit entry of one outbox call, with the before/after the plan recorded for it. */
  private auditRow(row: OutboxRow, at: string, result: string): Promise<void> {
    return this.audit({
      at,
      api: row.api,
      summary: row.summary,
      entity: row.entity,
      key: row.key,
      before: row.before,
      after: row.after,
      result,
      outboxId: row.id,
    });
  }

  async audit(e: {
    at: string;
    api: string;
    summary: string;
    entity: string;
    key: string;
    before: unknown;
    after: unknown;
    result: string;
    outboxId?: number;
  }): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (at, api, summary, entity, entity_key, before, after, result, outbox_id) VALUES (?,?,?,?,?,?,?,?,?)',
      [e.at, e.api, e.summary, e.entity, e.key, json(e.before), json(e.after), e.result, e.outboxId ?? null],
    );
  }

  async auditList(limit: number, beforeId?: number): Promise<AuditEntry[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT * FROM audit_log ${beforeId ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      beforeId ? [beforeId, limit] : [limit],
    );
    return rows.map((r) => ({
      id: r.id as number,
      at: r.at as string,
      api: r.api as string,
      summary: r.summary as string,
      entity: r.entity as string,
      key: r.entity_key as string,
      before: (r.before as string | null) ?? null,
      after: (r.after as string | null) ?? null,
      result: r.result as string,
    }));
  }

  // --- rules ---

  async rules(): Promise<Rule[]> {
    const rows = await this.db.all<Record<string, unknown>>('SELECT * FROM rules ORDER BY id');
    return rows.map((r) => ({
      id: r.id as number,
      kind: r.kind as Rule['kind'],
      name: r.name as string,
      positions: JSON.parse(r.positions as string) as string[],
      topGroupIds: JSON.parse(r.top_group_ids as string) as number[],
      enabled: r.enabled === 1,
    }));
  }

  async saveRule(r: Omit<Rule, 'id'> & { id?: number | undefined }): Promise<Rule> {
    const vals = [
      r.kind,
      r.name,
      JSON.stringify(r.positions),
      JSON.stringify(r.topGroupIds),
      r.enabled ? 1 : 0,
    ];
    if (r.id !== undefined) {
      await this.db.run(
        'UPDATE rules SET kind=?, name=?, positions=?, top_group_ids=?, enabled=? WHERE id=?',
        [...vals, r.id],
      );
      return { ...r, id: r.id };
    }
    const x = await this.db.run(
      'INSERT INTO rules (kind, name, positions, top_group_ids, enabled) VALUES (?,?,?,?,?)',
      vals,
    );
    return { ...r, id: x.lastID };
  }

  async deleteRule(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM rules WHERE id = ?', [id])).changes > 0;
  }
}

function toStaged(r: Record<string, unknown>): StagedRow {
  return {
    id: r.id as number,
    label: r.label as string,
    ops: JSON.parse(r.ops as string) as ChangeOp[],
    summaries: JSON.parse(r.summaries as string) as string[],
    base: JSON.parse(r.base as string) as Record<string, string>,
    createdAt: r.created_at as string,
    batchId: (r.batch_id as number | null) ?? null,
  };
}

function toOutbox(r: Record<string, unknown>): OutboxRow {
  return {
    id: r.id as number,
    batchId: r.batch_id as number,
    seq: r.seq as number,
    api: r.api as string,
    body: JSON.parse(r.body as string) as Record<string, unknown>,
    defines: parse<OutboxRow['defines']>(r.defines),
    entity: r.entity as string,
    key: r.entity_key as string,
    summary: r.summary as string,
    before: parse(r.before),
    after: parse(r.after),
    status: r.status as OutboxRow['status'],
    attempts: r.attempts as number,
    errorCode: (r.error_code as string | null) ?? null,
    errcode: (r.errcode as number | null) ?? null,
  };
}
