import type { Change, ChangeOp, Conflict } from '../../contract/org-edit';
import type { Db } from '../connection';

export interface StagedRow extends Change {
  base: Record<string, string>;
  batchId: number | null;
}

/**
 * Staged changes (the undo stack), their open conflicts, and the corp's local-id floor. Every query
 * names its corp: another corp's staged work is kept, untouched and invisible, until it is current again.
 */
export class ChangesRepo {
  constructor(private readonly db: Db) {}

  async addChange(
    corpId: string,
    c: { label: string; ops: ChangeOp[]; summaries: string[]; base: Record<string, string>; at: string },
  ): Promise<StagedRow> {
    return this.db.transaction(async () => {
      // A new gesture forgets whatever was undone (the redo stack), as in every editor.
      await this.db.run('DELETE FROM staged_changes WHERE corp_id = ? AND undone = 1 AND batch_id IS NULL', [
        corpId,
      ]);
      const r = await this.db.run(
        'INSERT INTO staged_changes (corp_id, label, ops, summaries, base, created_at) VALUES (?,?,?,?,?,?)',
        [corpId, c.label, JSON.stringify(c.ops), JSON.stringify(c.summaries), JSON.stringify(c.base), c.at],
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
    });
  }

  /** Active changes in order: not undone; both unpushed and those in an open batch. */
  async active(corpId: string): Promise<StagedRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE corp_id = ? AND undone = 0 ORDER BY id',
      [corpId],
    );
    return rows.map(toStaged);
  }

  async lastActiveUnbatched(corpId: string): Promise<StagedRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE corp_id = ? AND undone = 0 AND batch_id IS NULL ORDER BY id DESC LIMIT 1',
      [corpId],
    );
    return r ? toStaged(r) : null;
  }

  async firstUndone(corpId: string): Promise<StagedRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM staged_changes WHERE corp_id = ? AND undone = 1 AND batch_id IS NULL ORDER BY id LIMIT 1',
      [corpId],
    );
    return r ? toStaged(r) : null;
  }

  async setUndone(corpId: string, id: number, undone: boolean): Promise<void> {
    await this.db.run(
      'UPDATE staged_changes SET undone = ? WHERE id = ? AND corp_id = ? AND batch_id IS NULL',
      [undone ? 1 : 0, id, corpId],
    );
  }

  async deleteChange(corpId: string, id: number): Promise<number> {
    return (
      await this.db.run('DELETE FROM staged_changes WHERE id = ? AND corp_id = ? AND batch_id IS NULL', [
        id,
        corpId,
      ])
    ).changes;
  }

  async deleteUnbatched(corpId: string): Promise<number> {
    return (
      await this.db.run('DELETE FROM staged_changes WHERE corp_id = ? AND batch_id IS NULL AND undone = 0', [
        corpId,
      ])
    ).changes;
  }

  async setBase(corpId: string, id: number, base: Record<string, string>): Promise<void> {
    await this.db.run('UPDATE staged_changes SET base = ? WHERE id = ? AND corp_id = ?', [
      JSON.stringify(base),
      id,
      corpId,
    ]);
  }

  async replaceOps(corpId: string, id: number, ops: ChangeOp[], base: Record<string, string>): Promise<void> {
    await this.db.run('UPDATE staged_changes SET ops = ?, base = ? WHERE id = ? AND corp_id = ?', [
      JSON.stringify(ops),
      JSON.stringify(base),
      id,
      corpId,
    ]);
  }

  /** Corps other than `corpId` that still hold unpushed work, for the corp-switch notice. */
  async corpsWithWork(): Promise<Array<{ corpId: string; changes: number }>> {
    return this.db.all<{ corpId: string; changes: number }>(
      'SELECT corp_id corpId, COUNT(*) changes FROM staged_changes WHERE undone = 0 GROUP BY corp_id ORDER BY corp_id',
    );
  }

  // --- conflicts ---

  async replaceConflicts(corpId: string, list: Conflict[]): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run(
        'DELETE FROM conflicts WHERE change_id IN (SELECT id FROM staged_changes WHERE corp_id = ?)',
        [corpId],
      );
      for (const c of list)
        await this.db.run('INSERT OR REPLACE INTO conflicts (change_id, data) VALUES (?,?)', [
          c.changeId,
          JSON.stringify(c),
        ]);
    });
  }

  async conflicts(corpId: string): Promise<Conflict[]> {
    const rows = await this.db.all<{ data: string }>(
      'SELECT c.data FROM conflicts c JOIN staged_changes s ON s.id = c.change_id WHERE s.corp_id = ? ORDER BY c.change_id',
      [corpId],
    );
    return rows.map((r) => JSON.parse(r.data) as Conflict);
  }

  async deleteConflict(corpId: string, changeId: number): Promise<number> {
    await this.db.run('DELETE FROM conflicts WHERE change_id = ?', [changeId]);
    return (await this.conflicts(corpId)).length;
  }

  // --- local ids ---

  /** The lowest local id ever handed out for this corp (ids are never reused across batches). */
  async localIdFloor(corpId: string): Promise<number> {
    const r = await this.db.get<{ floor: number }>('SELECT floor FROM local_ids WHERE corp_id = ?', [corpId]);
    return r?.floor ?? 0;
  }

  async lowerLocalIdFloor(corpId: string, floor: number): Promise<void> {
    await this.db.run(
      'INSERT INTO local_ids (corp_id, floor) VALUES (?, ?) ON CONFLICT(corp_id) DO UPDATE SET floor = MIN(floor, excluded.floor)',
      [corpId, floor],
    );
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
