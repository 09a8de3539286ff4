import type { Rule } from '../../contract/org-edit';
import type { Db } from '../connection';

/** Positional-group and tag rules; they name departments of one corp, so they belong to it. */
export class RulesRepo {
  constructor(private readonly db: Db) {}

  async list(corpId: string): Promise<Rule[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM rules WHERE corp_id = ? ORDER BY id',
      [corpId],
    );
    return rows.map((r) => ({
      id: r.id as number,
      kind: r.kind as Rule['kind'],
      name: r.name as string,
      positions: JSON.parse(r.positions as string) as string[],
      topGroupIds: JSON.parse(r.top_group_ids as string) as number[],
      enabled: r.enabled === 1,
    }));
  }

  async save(corpId: string, r: Omit<Rule, 'id'> & { id?: number | undefined }): Promise<Rule> {
    const vals = [
      r.kind,
      r.name,
      JSON.stringify(r.positions),
      JSON.stringify(r.topGroupIds),
      r.enabled ? 1 : 0,
    ];
    if (r.id !== undefined) {
      await this.db.run(
        'UPDATE rules SET kind=?, name=?, positions=?, top_group_ids=?, enabled=? WHERE id=? AND corp_id=?',
        [...vals, r.id, corpId],
      );
      return { ...r, id: r.id };
    }
    const x = await this.db.run(
      'INSERT INTO rules (kind, name, positions, top_group_ids, enabled, corp_id) VALUES (?,?,?,?,?,?)',
      [...vals, corpId],
    );
    return { ...r, id: x.lastID };
  }

  async delete(corpId: string, id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM rules WHERE id = ? AND corp_id = ?', [id, corpId])).changes > 0;
  }
}
