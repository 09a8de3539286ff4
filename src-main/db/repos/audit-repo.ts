import type { AuditEntry, AuditFilter } from '../../contract/org-edit';
import type { Db, SqlValue } from '../connection';

/** A stored audit row: the raw columns, before the service puts them into words. */
export type AuditRow = Pick<
  AuditEntry,
  'id' | 'at' | 'api' | 'summary' | 'entity' | 'key' | 'before' | 'after' | 'result'
> & { actor: string };

/** Which `api` values each kind filter covers (the outbox's call kinds). */
const KIND_SQL: Record<NonNullable<AuditFilter['kind']>, string> = {
  department: "api LIKE 'dept.%'",
  member: "api LIKE 'member.%' AND api <> 'member.invite'",
  tag: "api LIKE 'tag.%'",
  invite: "api = 'member.invite'",
};

/** `%` and `_` in a clerk's search text are literal. */
const likeArg = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The audit log of what reached WeCom, per corp. Outbox results are written by OutboxRepo. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  /** The operator stamped on entries written from now on (migration 006's trigger). */
  async setActor(name: string): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_actor (id, name) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
      [name],
    );
  }

  /**
   * Newest first. `deptName` lets the department filter also find members moved into or out of it and
   * operations that name it; `person` matches 操作人, the account concerned and names in the summary.
   */
  async list(
    corpId: string,
    limit: number,
    beforeId?: number,
    filter: AuditFilter & { deptName?: string } = {},
  ): Promise<AuditRow[]> {
    const where = ['corp_id = ?'];
    const args: SqlValue[] = [corpId];
    if (beforeId) {
      where.push('id < ?');
      args.push(beforeId);
    }
    if (filter.from) {
      where.push('at >= ?');
      args.push(filter.from);
    }
    if (filter.to) {
      where.push('at < ?');
      args.push(filter.to);
    }
    if (filter.kind) where.push(`(${KIND_SQL[filter.kind]})`);
    if (filter.departmentId !== undefined) {
      const id = filter.departmentId;
      const link = likeArg(`"departmentId":${id},`);
      const parts = [
        "(entity = 'department' AND entity_key = ?)",
        "before LIKE ? ESCAPE '\\'",
        "after LIKE ? ESCAPE '\\'",
      ];
      args.push(String(id), link, link);
      if (filter.deptName) {
        parts.push("summary LIKE ? ESCAPE '\\'");
        args.push(likeArg(filter.deptName));
      }
      where.push(`(${parts.join(' OR ')})`);
    }
    if (filter.person) {
      const p = likeArg(filter.person);
      where.push("(actor LIKE ? ESCAPE '\\' OR entity_key LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\')");
      args.push(p, p, p);
    }
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      [...args, limit],
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
      actor: (r.actor as string | undefined) ?? '',
    }));
  }
}
