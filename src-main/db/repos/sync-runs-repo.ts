import type { Db } from '../connection';

export interface SyncRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  departments: number | null;
  members: number | null;
  tags: number | null;
  notJoined: number | null;
  errorCode: string | null;
}

export class SyncRunsRepo {
  constructor(private readonly db: Db) {}

  async start(corpId: string, at: string): Promise<number> {
    return (await this.db.run('INSERT INTO sync_runs (corp_id, started_at) VALUES (?, ?)', [corpId, at]))
      .lastID;
  }

  async finish(
    id: number,
    at: string,
    r: {
      ok: boolean;
      departments?: number;
      members?: number;
      tags?: number;
      notJoined?: number;
      errorCode?: string;
    },
  ): Promise<void> {
    await this.db.run(
      `UPDATE sync_runs SET finished_at=?, ok=?, departments=?, members=?, tags=?, not_joined=?, error_code=? WHERE id=?`,
      [
        at,
        r.ok ? 1 : 0,
        r.departments ?? null,
        r.members ?? null,
        r.tags ?? null,
        r.notJoined ?? null,
        r.errorCode ?? null,
        id,
      ],
    );
  }

  async lastSuccessful(corpId: string): Promise<SyncRun | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM sync_runs WHERE ok = 1 AND corp_id = ? ORDER BY id DESC LIMIT 1',
      [corpId],
    );
    return r ? toRun(r) : null;
  }

  async recent(corpId: string, limit: number): Promise<SyncRun[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM sync_runs WHERE corp_id = ? ORDER BY id DESC LIMIT ?',
      [corpId, limit],
    );
    return rows.map(toRun);
  }
}

function toRun(r: Record<string, unknown>): SyncRun {
  return {
    id: r.id as number,
    startedAt: r.started_at as string,
    finishedAt: (r.finished_at as string | null) ?? null,
    ok: r.ok === null ? null : r.ok === 1,
    departments: (r.departments as number | null) ?? null,
    members: (r.members as number | null) ?? null,
    tags: (r.tags as number | null) ?? null,
    notJoined: (r.not_joined as number | null) ?? null,
    errorCode: (r.error_code as string | null) ?? null,
  };
}
