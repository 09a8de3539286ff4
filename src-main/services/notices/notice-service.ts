import { AppError } from '../../contract/errors';
import type { MediaUploadCall } from '../../contract/message-calls';
import {
  NoticeBody,
  type AttachmentRef,
  type HeadCountView,
  type NoticeEntry,
  type NoticeStatus,
} from '../../contract/notices';
import type { NoticesRepo, NoticeRow } from '../../db/repos/notices-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import { attachmentIssue, attachmentIssueText, mediaTypeOf } from '../../domain/media-kind';
import { MEDIA_TTL_S } from '../../domain/message-limits';
import { contentIssues, contentIssueText } from '../../domain/notice-content';
import { headCount, reachedUserids, type HeadCount } from '../../domain/notice-recipients';
import type { CacheSnapshot } from '../../domain/org-cache';
import { attachmentRef } from '../../contract/notices';
import { MEDIA_REUSE_MARGIN_S } from '../outbox/notices-handler';
import type { OutboxService } from '../outbox/outbox-service';
import type { Logger } from '../../platform/logger';
import type { CorpContext } from '../settings/corp-context';
import type { AttachmentStore } from './attachment-store';
import { entry } from './notice-entry';
import { pacedUntil } from './notice-pacing';
import { recallNotice } from './notice-recall';
import { registerXlsx } from './register-export';
import { checkPattern, PATTERN_MESSAGES } from '../../domain/doc-number';
import { attachmentsNamed, fingerprintOf, noticeRows } from './notice-plan';

export interface NoticeServiceDeps {
  repo: NoticesRepo;
  org: OrgRepo;
  outbox: OutboxService;
  outboxRepo: OutboxRepo;
  files: AttachmentStore;
  corp: CorpContext;
  logger: Logger;
  nowMs: () => number;
}

export interface SendReport {
  notice: NoticeEntry;
  /** counted from the cache; null when the cache does not hold this corp (ids passed through) */
  headCount: HeadCount | null;
  /** the same count as the composer shows it (names behind each number) */
  view: HeadCountView | null;
  /** the same notice was already sent or is being sent: nothing new was recorded */
  repeated: boolean;
}

const invalid = (issues: { path: string; message: string }[]) =>
  new AppError('INVALID_INPUT', issues.map((i) => i.message).join('；'), { details: { issues } });

/**
 * 通知: checks a notice against WeCom's rules, registers it (文号 and all) together with the outbox
 * batch that sends it, runs that batch and settles the register entry from what WeCom answered.
 * Sending is exactly-once by construction: the batch is recorded before any call, each message goes
 * with WeCom's duplicate check, and an unfinished notice is resumed, never recorded again.
 */
export class NoticeService {
  constructor(private readonly d: NoticeServiceDeps) {}

  private iso(): string {
    return new Date(this.d.nowMs()).toISOString();
  }

  private async checks(n: NoticeBody): Promise<void> {
    const issues = contentIssues(n.content).map((i) => ({ path: 'content', message: contentIssueText(i) }));
    for (const { ref, type } of attachmentsNamed(n.content)) {
      const a = n.attachments.find((x) => attachmentRef(x.sha256, x.filename) === ref);
      if (!a) {
        if (ref.startsWith('att:')) issues.push({ path: 'attachments', message: '附件不在本机，请重新添加' });
        continue;
      }
      const kind = await this.d.files.kindOf(a.sha256);
      if (kind === null) {
        issues.push({ path: 'attachments', message: `附件「${a.filename}」在本机找不到了，请重新添加` });
        continue;
      }
      const issue = attachmentIssue(type, a.size, kind);
      if (issue)
        issues.push({ path: 'attachments', message: `「${a.filename}」：${attachmentIssueText(issue)}` });
    }
    const r = n.recipients;
    if (!r.all && r.userids.length + r.departmentIds.length + r.tagIds.length === 0)
      issues.push({ path: 'recipients', message: '请选择接收人：全员、部门、标签或成员' });
    if (issues.length > 0) throw invalid(issues);
  }

  /** Keeps a file for a notice in the data folder (by content hash) and says what it can be sent as. */
  async attach(source: { path: string } | { data: Buffer }, filename: string): Promise<AttachmentRef> {
    const f =
      'path' in source ? await this.d.files.addFile(source.path) : await this.d.files.addBuffer(source.data);
    await this.d.repo.putAttachment(f.sha256, f.size, f.kind, this.iso());
    return { sha256: f.sha256, filename, type: mediaTypeOf(f.kind), size: f.size };
  }

  /** What WeCom would refuse about sending this attachment as its type, in words; null when fine. */
  async attachmentIssue(a: AttachmentRef): Promise<string | null> {
    const kind = await this.d.files.kindOf(a.sha256);
    const issue = kind === null ? null : attachmentIssue(a.type, a.size, kind);
    return issue ? attachmentIssueText(issue) : null;
  }

  /** Records and sends a notice (or schedules it for `scheduledAt`). */
  async send(input: unknown, opts: { scheduledAt?: string; draftId?: number } = {}): Promise<SendReport> {
    const n = NoticeBody.parse(input);
    const c = await this.d.corp.resolve();
    const app = c.apps.find((a) => a.agentid === n.agentid);
    if (!app?.cred)
      throw new AppError('NOT_CONFIGURED', `no secret for agent ${n.agentid}`, {
        details: { issues: [{ path: 'agentid', message: '请先在「设置」里填写这个应用的 Secret' }] },
      });
    await this.checks(n);
    const fingerprint = fingerprintOf(n);
    const earlier = await this.d.repo.latestWithFingerprint(c.corpId, fingerprint);
    if (earlier && (earlier.status === 'sending' || earlier.status === 'scheduled')) {
      // a repeated command (after a kill, say) resumes the notice it already recorded
      const settled = earlier.status === 'sending' ? await this.run(c.corpId, earlier.id) : earlier;
      return { notice: entry(settled), headCount: null, view: null, repeated: true };
    }
    const cached = (await this.d.org.cacheCorp()) === c.corpId ? await this.d.org.loadSnapshot() : null;
    const count = cached ? headCount(cached, n.recipients) : null;
    if (!cached && !n.recipients.all) {
      // without a cache a notice past the per-call limits cannot be resolved to people
      if (n.recipients.departmentIds.length > 100 || n.recipients.tagIds.length > 100)
        throw new AppError('NOT_SYNCED', 'sync before sending to this many departments or tags');
    }
    const scheduled = opts.scheduledAt !== undefined && Date.parse(opts.scheduledAt) > this.d.nowMs();
    const id = await this.d.repo.create(
      {
        corpId: c.corpId,
        agentid: n.agentid,
        title: n.title,
        issuer: n.meta.issuer,
        meta: n.meta,
        // the whole notice as composed: a scheduled one is planned from it when it falls due
        content: n,
        recipients: n.recipients,
        fingerprint,
        headCount: count?.total ?? 0,
        status: scheduled ? 'scheduled' : 'sending',
        scheduledAt: scheduled ? opts.scheduledAt! : null,
        draftId: opts.draftId ?? null,
      },
      this.iso(),
      new Date(this.d.nowMs()).getFullYear(),
      async (noticeId) =>
        scheduled
          ? null
          : this.d.outbox.record(c.corpId, 'notice', [], await this.plan(c.corpId, n, noticeId)),
    );
    const row = scheduled ? (await this.d.repo.get(c.corpId, id))! : await this.run(c.corpId, id);
    const view = cached && count ? countView(cached, count) : null;
    return { notice: entry(row), headCount: count, view, repeated: false };
  }

  /** The outbox rows of a notice, planned now: uploads for media WeCom no longer holds, then the sends. */
  private async plan(corpId: string, n: NoticeBody, noticeId: number) {
    const cached = (await this.d.org.cacheCorp()) === corpId ? await this.d.org.loadSnapshot() : null;
    const count = cached ? headCount(cached, n.recipients) : null;
    const reached = count ? reachedUserids(count) : [];
    const notBefore = Math.floor(this.d.nowMs() / 1000) - (MEDIA_TTL_S - MEDIA_REUSE_MARGIN_S);
    const fresh = new Set<string>();
    for (const a of n.attachments)
      for (const type of ['image', 'voice', 'video', 'file'] as MediaUploadCall['type'][])
        if (await this.d.repo.media(corpId, a.sha256, type, a.filename, notBefore))
          fresh.add(`${a.sha256}/${type}/${a.filename}`);
    return noticeRows(
      n,
      noticeId,
      (sha, type, name) => !fresh.has(`${sha}/${type}/${name}`),
      () => reached,
    );
  }

  /** Scheduled notices whose time has come: recorded for sending (once, whoever runs this) and sent. */
  async runDue(): Promise<NoticeEntry[]> {
    const c = await this.d.corp.resolve();
    const out: NoticeEntry[] = [];
    for (const due of await this.d.repo.due(c.corpId, this.iso())) {
      const n = NoticeBody.parse(due.content);
      const rows = await this.plan(c.corpId, n, due.id);
      const started = await this.d.repo.startScheduled(c.corpId, due.id, () =>
        this.d.outbox.record(c.corpId, 'notice', [], rows),
      );
      if (started) out.push(entry(await this.run(c.corpId, due.id)));
    }
    return out;
  }

  /** Runs (or resumes) a recorded notice's batch and settles its register entry. */
  async run(corpId: string, id: number): Promise<NoticeRow> {
    const row = await this.d.repo.get(corpId, id);
    if (!row) throw new AppError('NOT_FOUND', `no notice ${id}`);
    if (row.batchId === null) return row;
    const until = row.status === 'sending' ? await pacedUntil(this.d, corpId, row, this.d.nowMs()) : 0;
    if (until > this.d.nowMs()) {
      // held back so nobody passes WeCom's per-member limits; run-due / the app sends it later
      this.d.logger.info(`notice ${id} held until ${new Date(until).toISOString()} (per-member pacing)`);
      return row;
    }
    const signal = new AbortController().signal;
    try {
      await this.d.outbox.runBatch(corpId, row.batchId, { signal, progress: () => {} });
    } catch (e) {
      // offline or WeCom unreachable: the notice stays 待发送 and is resumed later
      this.d.logger.warn(`notice ${id} not finished; it stays 待发送`, { error: String(e) });
    }
    const rows = await this.d.outboxRepo.rows(row.batchId);
    const sends = rows.filter((r) => r.call.kind === 'message.send');
    const msgids: string[] = [];
    const invalidUsers: string[] = [];
    for (const r of sends) {
      const res = (r.result ?? {}) as { msgid?: string; invalidUsers?: string[] };
      if (r.status === 'done' && res.msgid) msgids.push(res.msgid);
      if (r.status === 'done') invalidUsers.push(...(res.invalidUsers ?? []));
    }
    const open = rows.some((r) => r.status === 'pending' || r.status === 'sending');
    const failed = sends.filter((r) => r.status === 'failed').length;
    const done = sends.filter((r) => r.status === 'done').length;
    let status: NoticeStatus = 'sending';
    if (!open && rows.every((r) => r.status !== 'pending' && r.status !== 'sending')) {
      status = done === 0 ? 'failed' : failed > 0 || invalidUsers.length > 0 ? 'partial' : 'sent';
      await this.d.outbox.close(row.batchId);
    }
    await this.d.repo.settle(corpId, id, status, status === 'sending' ? null : this.iso(), {
      msgids,
      invalidUsers,
      failedCalls: failed,
    });
    return (await this.d.repo.get(corpId, id))!;
  }

  /** Notices cut off mid-send or held while offline, sent now without the clerk's help. */
  async resumeUnfinished(): Promise<NoticeEntry[]> {
    const c = await this.d.corp.resolve();
    const out: NoticeEntry[] = [];
    for (const n of await this.d.repo.unfinished(c.corpId)) out.push(entry(await this.run(c.corpId, n.id)));
    return out;
  }

  /** 撤回 with the reason (≤ 24 h), through the outbox. */
  recall(id: number, reason: string): Promise<NoticeEntry> {
    return recallNotice(this.d, id, reason);
  }

  /** The head count the composer shows, with the people behind each number (first 200 of each). */
  async headCount(recipients: NoticeBody['recipients']): Promise<HeadCountView> {
    const c = await this.d.corp.resolve();
    if ((await this.d.org.cacheCorp()) !== c.corpId) return { ...EMPTY_COUNT, synced: false };
    const snap = await this.d.org.loadSnapshot();
    return countView(snap, headCount(snap, recipients));
  }

  /** A registered notice as it was composed. */
  async body(id: number): Promise<NoticeBody> {
    const c = await this.d.corp.resolve();
    const n = await this.d.repo.get(c.corpId, id);
    if (!n) throw new AppError('NOT_FOUND', `no notice ${id}`);
    return NoticeBody.parse(n.content);
  }

  /** Each 发文机关's 文号 pattern. */
  async patterns(): Promise<{ issuer: string; pattern: string }[]> {
    return this.d.repo.patterns((await this.d.corp.resolve()).corpId);
  }

  /** Sets a 机关's 文号 pattern (「新医综〔{年}〕{号}号」); numbers already issued keep their 文号. */
  async setPattern(issuer: string, pattern: string): Promise<void> {
    const problem = checkPattern(pattern);
    const who = issuer.trim() === '' ? '请填写发文机关' : null;
    if (problem || who) {
      const message = who ?? PATTERN_MESSAGES[problem!];
      throw new AppError('INVALID_INPUT', message, { details: { issues: [{ path: 'pattern', message }] } });
    }
    await this.d.repo.setPattern((await this.d.corp.resolve()).corpId, issuer.trim(), pattern.trim());
  }

  /** 发文登记 as .xlsx (base64 for the bridge). */
  async exportRegister(): Promise<{ filename: string; base64: string; rows: number }> {
    const c = await this.d.corp.resolve();
    const rows = await this.d.repo.list(c.corpId, 100_000);
    const day = new Date(this.d.nowMs()).toISOString().slice(0, 10);
    return {
      filename: `发文登记-${day}.xlsx`,
      base64: (await registerXlsx(rows)).toString('base64'),
      rows: rows.length,
    };
  }

  async list(): Promise<NoticeEntry[]> {
    const c = await this.d.corp.resolve();
    return (await this.d.repo.list(c.corpId)).map(entry);
  }
}

/** A head count with the people behind each number (the first 200 of each list). */
function countView(snap: CacheSnapshot, h: HeadCount): HeadCountView {
  const names = new Map(snap.members.map((m) => [m.userid, m.name]));
  const people = (ids: string[]) =>
    ids.slice(0, 200).map((userid) => ({ userid, name: names.get(userid) ?? userid }));
  return {
    synced: true,
    total: h.total,
    receiving: h.receiving.length,
    notJoined: people(h.notJoined),
    disabled: people(h.disabled),
    outsideRange: people(h.outsideRange),
    unknownUsers: h.unknownUsers,
    unknownDepartments: h.unknownDepartments,
    unknownTags: h.unknownTags,
  };
}

const EMPTY_COUNT: HeadCountView = {
  synced: true,
  total: 0,
  receiving: 0,
  notJoined: [],
  disabled: [],
  outsideRange: [],
  unknownUsers: [],
  unknownDepartments: [],
  unknownTags: [],
};
