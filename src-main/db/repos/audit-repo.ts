import type { AuditEntry } from '../../contract/org-edit';
import type { Db } from '../connection';

/** The audit log of what reached WeCom, per corp. Outbox results are written by OutboxRepo. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  async list(corpId: string, limit: number, beforeId?: number): Promise<AuditEntry[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE corp_id = ? ${beforeId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      beforeId ? [corpId, beforeId, limit] : [corpId, limit],
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
}
