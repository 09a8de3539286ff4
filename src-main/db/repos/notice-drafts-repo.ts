import type { Db } from '../connection';

export interface DraftRow {
  id: number;
  isTemplate: boolean;
  title: string;
  body: unknown;
  updatedAt: string;
  createdAt: string;
}

/** Notice drafts and templates, kept locally; deleting only marks them, so it can be undone. */
export class NoticeDraftsRepo {
  constructor(private readonly db: Db) {}

  /** Inserts (id null) or overwrites a live draft of this corp; answers its id, null when it is gone. */
  async save(
    corpId: string,
    id: number | null,
    d: { title: string; body: unknown; isTemplate: boolean },
    at: string,
  ): Promise<number | null> {
    const body = JSON.stringify(d.body);
    if (id === null) {
      const r = await this.db.run(
        'INSERT INTO notice_drafts (corp_id, is_template, title, body, updated_at, created_at) VALUES (?,?,?,?,?,?)',
        [corpId, d.isTemplate ? 1 : 0, d.title, body, at, at],
      );
      return r.lastID;
    }
    const r = await this.db.run(
      'UPDATE notice_drafts SET title = ?, body = ?, updated_at = ? WHERE id = ? AND corp_id = ? AND deleted_at IS NULL',
      [d.title, body, at, id, corpId],
    );
    return r.changes === 1 ? id : null;
  }

  async get(corpId: string, id: number): Promise<DraftRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM notice_drafts WHERE id = ? AND corp_id = ? AND deleted_at IS NULL',
      [id, corpId],
    );
    return r ? toRow(r) : null;
  }

  /** Newest first; `q` matches the title (LIKE, case-insensitive for ASCII). */
  async list(corpId: string, templates: boolean, q = ''): Promise<DraftRow[]> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT * FROM notice_drafts WHERE corp_id = ? AND is_template = ? AND deleted_at IS NULL
       AND title LIKE ? ESCAPE '\\' ORDER BY updated_at DESC, id DESC LIMIT 500`,
      [corpId, templates ? 1 : 0, like],
    );
    return rows.map(toRow);
  }

  async remove(corpId: string, id: number, at: string): Promise<boolean> {
    const r = await this.db.run(
      'UPDATE notice_drafts SET deleted_at = ? WHERE id = ? AND corp_id = ? AND deleted_at IS NULL',
      [at, id, corpId],
    );
    return r.changes === 1;
  }

  async restore(corpId: string, id: number): Promise<boolean> {
    const r = await this.db.run(
      'UPDATE notice_drafts SET deleted_at = NULL WHERE id = ? AND corp_id = ? AND deleted_at IS NOT NULL',
      [id, corpId],
    );
    return r.changes === 1;
  }
}

function toRow(r: Record<string, unknown>): DraftRow {
  return {
    id: r.id as number,
    isTemplate: r.is_template === 1,
    title: r.title as string,
    body: JSON.parse(r.body as string) as unknown,
    updatedAt: r.updated_at as string,
    createdAt: r.created_at as string,
  };
}
