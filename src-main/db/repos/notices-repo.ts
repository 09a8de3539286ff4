import type { NoticeEntry, NoticeStatus } from '../../contract/notices';
import { formatDocNumber } from '../../domain/doc-number';
import type { Db } from '../connection';
import { json, parseJson } from './json';

export interface NewNotice {
  corpId: string;
  agentid: number;
  title: string;
  issuer: string;
  meta: unknown;
  content: unknown;
  recipients: unknown;
  fingerprint: string;
  headCount: number;
  status: NoticeStatus;
  scheduledAt: string | null;
  draftId: number | null;
}

export interface NoticeRow extends NoticeEntry {
  corpId: string;
  fingerprint: string;
  content: unknown;
  recipients: unknown;
  meta: unknown;
  scheduledAt: string | null;
}

export interface SendResultRecord {
  msgids: string[];
  invalidUsers: string[];
  /** message/send calls WeCom refused (the notice is then 部分失败 or 发送失败) */
  failedCalls: number;
  /** why it was recalled (撤回原因) */
  recallReason?: string;
}

/** 发文登记, 文号 patterns and the media_ids WeCom gave our attachments. SQL only; every query names its corp. */
export class NoticesRepo {
  constructor(private readonly db: Db) {}

  async pattern(corpId: string, issuer: string): Promise<string | null> {
    const r = await this.db.get<{ pattern: string }>(
      'SELECT pattern FROM doc_patterns WHERE corp_id = ? AND issuer = ?',
      [corpId, issuer],
    );
    return r?.pattern ?? null;
  }

  async patterns(corpId: string): Promise<{ issuer: string; pattern: string }[]> {
    return this.db.all<{ issuer: string; pattern: string }>(
      'SELECT issuer, pattern FROM doc_patterns WHERE corp_id = ? ORDER BY issuer',
      [corpId],
    );
  }

  async setPattern(corpId: string, issuer: string, pattern: string): Promise<void> {
    await this.db.run(
      'INSERT INTO doc_patterns (corp_id, issuer, pattern) VALUES (?,?,?) ON CONFLICT (corp_id, issuer) DO UPDATE SET pattern = excluded.pattern',
      [corpId, issuer, pattern],
    );
  }

  /**
   * Registers a notice and, in the same transaction, its 文号 (the next number of its 机关 and year
   * when the 机关 has a pattern) and whatever `withBatch` records (the outbox batch that sends it).
   * The unique index makes a number impossible to issue twice; numbers are never returned.
   */
  async create(
    n: NewNotice,
    at: string,
    year: number,
    withBatch: (noticeId: number) => Promise<number | null>,
  ): Promise<number> {
    return this.db.transaction(async () => {
      const pattern = n.issuer ? await this.pattern(n.corpId, n.issuer) : null;
      let seq: number | null = null;
      let docNo: string | null = null;
      if (pattern) {
        const r = await this.db.get<{ m: number | null }>(
          'SELECT MAX(doc_seq) AS m FROM notices WHERE corp_id = ? AND issuer = ? AND doc_year = ?',
          [n.corpId, n.issuer, year],
        );
        seq = (r?.m ?? 0) + 1;
        docNo = formatDocNumber(pattern, year, seq);
      }
      const ins = await this.db.run(
        `INSERT INTO notices (corp_id, draft_id, agentid, issuer, doc_year, doc_seq, doc_no, title, meta, content, recipients, fingerprint, head_count, status, scheduled_at, created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
        [
          n.corpId,
          n.draftId,
          n.agentid,
          n.issuer,
          seq === null ? null : year,
          seq,
          docNo,
          n.title,
          json(n.meta) ?? '{}',
          json(n.content) ?? '{}',
          json(n.recipients) ?? '{}',
          n.fingerprint,
          n.headCount,
          n.status,
          n.scheduledAt,
          at,
        ],
      );
      const batchId = await withBatch(ins.lastID);
      if (batchId !== null)
        await this.db.run('UPDATE notices SET batch_id = ? WHERE id = ?', [batchId, ins.lastID]);
      return ins.lastID;
    });
  }

  /**
   * A scheduled notice falls due: it becomes 'sending' with the batch `record` makes, in one
   * transaction; false when it was no longer scheduled (another run took it, or it was cancelled).
   */
  async startScheduled(corpId: string, id: number, record: () => Promise<number>): Promise<boolean> {
    return this.db.transaction(async () => {
      const r = await this.db.run(
        "UPDATE notices SET status = 'sending' WHERE corp_id = ? AND id = ? AND status = 'scheduled'",
        [corpId, id],
      );
      if (r.changes !== 1) return false;
      const batchId = await record();
      await this.db.run('UPDATE notices SET batch_id = ? WHERE id = ?', [batchId, id]);
      return true;
    });
  }

  async setBatch(corpId: string, id: number, batchId: number): Promise<void> {
    await this.db.run('UPDATE notices SET batch_id = ? WHERE corp_id = ? AND id = ?', [batchId, corpId, id]);
  }

  async settle(
    corpId: string,
    id: number,
    status: NoticeStatus,
    at: string | null,
    result: SendResultRecord,
  ): Promise<void> {
    await this.db.run(
      'UPDATE notices SET status = ?, sent_at = COALESCE(sent_at, ?), result = ? WHERE corp_id = ? AND id = ?',
      [status, at, JSON.stringify(result), corpId, id],
    );
  }

  async get(corpId: string, id: number): Promise<NoticeRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      'SELECT * FROM notices WHERE corp_id = ? AND id = ?',
      [corpId, id],
    );
    return r ? toRow(r) : null;
  }

  /** Newest first. */
  async list(corpId: string, limit = 200): Promise<NoticeRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT * FROM notices WHERE corp_id = ? ORDER BY id DESC LIMIT ?',
      [corpId, limit],
    );
    return rows.map(toRow);
  }

  /** Notices recorded but not settled (待发送 or cut off mid-send), oldest first. */
  async unfinished(corpId: string): Promise<NoticeRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT * FROM notices WHERE corp_id = ? AND status = 'sending' ORDER BY id",
      [corpId],
    );
    return rows.map(toRow);
  }

  async due(corpId: string, nowIso: string): Promise<NoticeRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT * FROM notices WHERE corp_id = ? AND status = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id",
      [corpId, nowIso],
    );
    return rows.map(toRow);
  }

  /** This app's notices sent at or after `sinceIso` (recalled ones included: they were delivered). */
  async sentSince(corpId: string, agentid: number, sinceIso: string): Promise<NoticeRow[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      "SELECT * FROM notices WHERE corp_id = ? AND agentid = ? AND sent_at >= ? AND status IN ('sent', 'partial', 'recalled')",
      [corpId, agentid, sinceIso],
    );
    return rows.map(toRow);
  }

  async latestWithFingerprint(corpId: string, fingerprint: string): Promise<NoticeRow | null> {
    const r = await this.db.get<Record<string, unknown>>(
      "SELECT * FROM notices WHERE corp_id = ? AND fingerprint = ? AND status != 'cancelled' ORDER BY id DESC LIMIT 1",
      [corpId, fingerprint],
    );
    return r ? toRow(r) : null;
  }

  // ---- attachments and media ----

  async putAttachment(sha256: string, size: number, mime: string, at: string): Promise<void> {
    await this.db.run('INSERT OR IGNORE INTO attachments (sha256, size, mime, created_at) VALUES (?,?,?,?)', [
      sha256,
      size,
      mime,
      at,
    ]);
  }

  /** A media_id for these bytes under this name, uploaded at or after `notBefore` (unix s). */
  async media(
    corpId: string,
    sha256: string,
    type: string,
    filename: string,
    notBefore: number,
  ): Promise<{ mediaId: string; createdAt: number } | null> {
    const r = await this.db.get<{ media_id: string; wecom_created_at: number }>(
      'SELECT media_id, wecom_created_at FROM media_cache WHERE corp_id = ? AND sha256 = ? AND type = ? AND filename = ? AND wecom_created_at >= ?',
      [corpId, sha256, type, filename, notBefore],
    );
    return r ? { mediaId: r.media_id, createdAt: r.wecom_created_at } : null;
  }

  async putMedia(
    corpId: string,
    sha256: string,
    type: string,
    filename: string,
    mediaId: string,
    createdAt: number,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO media_cache (corp_id, sha256, type, filename, media_id, wecom_created_at) VALUES (?,?,?,?,?,?)
       ON CONFLICT (corp_id, sha256, type, filename) DO UPDATE SET media_id = excluded.media_id, wecom_created_at = excluded.wecom_created_at`,
      [corpId, sha256, type, filename, mediaId, createdAt],
    );
  }
}

function toRow(r: Record<string, unknown>): NoticeRow {
  const res = parseJson<SendResultRecord>(r.result) ?? { msgids: [], invalidUsers: [], failedCalls: 0 };
  return {
    id: r.id as number,
    corpId: r.corp_id as string,
    docNo: (r.doc_no as string | null) ?? null,
    title: r.title as string,
    issuer: r.issuer as string,
    agentid: r.agentid as number,
    headCount: r.head_count as number,
    status: r.status as NoticeStatus,
    createdAt: r.created_at as string,
    sentAt: (r.sent_at as string | null) ?? null,
    msgids: res.msgids,
    invalidUsers: res.invalidUsers,
    failedCalls: res.failedCalls ?? 0,
    recallReason: res.recallReason ?? null,
    batchId: (r.batch_id as number | null) ?? null,
    fingerprint: r.fingerprint as string,
    content: parseJson(r.content),
    recipients: parseJson(r.recipients),
    meta: parseJson(r.meta),
    scheduledAt: (r.scheduled_at as string | null) ?? null,
  };
}
