import type { ActivationRow } from '../../contract/org-edit';
import type { AuditRepo } from '../../db/repos/audit-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { SyncRunsRepo } from '../../db/repos/sync-runs-repo';
import type { OutboxService } from '../outbox/outbox-service';
import type { CorpContext } from '../settings/corp-context';
import type { OrgEditService } from './org-edit-service';
import { neutraliseFormula } from '../export/formula-guard';

const INVITE_FEATURE = 'invite';
const INVITE_CHUNK = 1000;
/** The same person is not invited again within this window (staff complained of repeated SMS). */
export const REINVITE_GUARD_MS = 24 * 60 * 60 * 1000;
/** How far back the audit log is read for the last invite (pages of AUDIT_PAGE entries). */
const AUDIT_PAGE = 500;
const AUDIT_MAX_PAGES = 40;

/** Invites as the audit log recorded them: when, and whom (lower-cased userids). */
interface SentInvite {
  at: string;
  userids: string[];
}

/** 激活情况: who has not joined (two-way authentication), by department, and inviting them. */
export class ActivationService {
  constructor(
    private readonly d: {
      org: OrgRepo;
      runs: SyncRunsRepo;
      outbox: OutboxService;
      outboxRepo: OutboxRepo;
      editor: OrgEditService;
      corp: CorpContext;
      audit: AuditRepo;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.d.now ? this.d.now() : Date.now();
  }

  async report() {
    const wc = await this.d.editor.workingCopy();
    const base = await this.d.editor.base();
    const rows = new Map<number, ActivationRow>();
    const totals = { total: 0, active: 0, notJoined: 0, disabled: 0, left: 0 };
    const bump = (t: Omit<ActivationRow, 'departmentId' | 'name' | 'path'>, status: number) => {
      t.total++;
      if (status === 1) t.active++;
      else if (status === 4) t.notJoined++;
      else if (status === 2) t.disabled++;
      else if (status === 5) t.left++;
    };
    // Status comes from WeCom (the cache): activation is a fact of WeCom, not of local edits.
    // Each member counts once, in their main department: positional groups (正副主任…) and second
    // departments would count the same people again, and the rows would add up to more than 全院.
    for (const m of base.members) {
      bump(totals, m.status);
      const deptId = mainDeptOf(m);
      {
        let r = rows.get(deptId);
        if (!r) {
          const dept = wc.dept(deptId);
          r = {
            departmentId: deptId,
            name: dept?.name ?? String(deptId),
            path: dept ? wc.path(dept.id) : '',
            total: 0,
            active: 0,
            notJoined: 0,
            disabled: 0,
            left: 0,
          };
          rows.set(deptId, r);
        }
        bump(r, m.status);
      }
    }
    const trend = (await this.d.runs.recent(await this.d.editor.corpId(), 12))
      .filter((r) => r.ok && r.notJoined !== null)
      .reverse()
      .map((r) => ({
        at: r.finishedAt ?? r.startedAt,
        notJoined: r.notJoined ?? 0,
        members: r.members ?? 0,
      }));
    return {
      rows: [...rows.values()].sort(
        (a, b) => b.notJoined - a.notJoined || a.path.localeCompare(b.path, 'zh-CN'),
      ),
      totals,
      trend,
    };
  }

  async notJoined(departmentId?: number) {
    const wc = await this.d.editor.workingCopy();
    const base = await this.d.editor.base();
    return (
      base.members
        // By main department, as the report counts them, so a row's 未激活 and its list agree.
        .filter((m) => m.status === 4 && (departmentId === undefined || mainDeptOf(m) === departmentId))
        .map((m) => ({
          userid: m.userid,
          name: m.name,
          position: m.position,
          mobile: m.mobile,
          departments: m.departments
            .map((l) => wc.dept(l.departmentId)?.name ?? String(l.departmentId))
            .join('、'),
        }))
    );
  }

  async exportCsv(departmentId?: number): Promise<{ filename: string; csv: string }> {
    const rows = await this.notJoined(departmentId);
    const wc = await this.d.editor.workingCopy();
    const lines = [
      ['姓名', '账号', '部门', '职务', '手机', '状态'],
      ...rows.map((r) => [r.name, r.userid, r.departments, r.position, r.mobile, '未激活']),
    ];
    const dept = departmentId !== undefined ? (wc.dept(departmentId)?.name ?? String(departmentId)) : '全院';
    // BOM + CRLF so Excel on Chinese Windows opens it as UTF-8.
    return {
      filename: `未激活成员-${dept}.csv`,
      csv: '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n',
    };
  }

  /** Invites that reached WeCom, newest first, read from the audit log (at most `pages` pages). */
  private async sentInvites(
    corpId: string,
    until: (at: string, found: readonly SentInvite[]) => boolean,
  ): Promise<SentInvite[]> {
    const out: SentInvite[] = [];
    let beforeId: number | undefined;
    for (let page = 0; page < AUDIT_MAX_PAGES; page++) {
      const entries = await this.d.audit.list(corpId, AUDIT_PAGE, beforeId);
      for (const e of entries) {
        if (until(e.at, out)) return out;
        if (e.api !== 'member.invite' || e.result !== '成功') continue;
        out.push({ at: e.at, userids: invitedUserids(e.after, e.key) });
      }
      if (entries.length < AUDIT_PAGE) break;
      beforeId = entries.at(-1)!.id;
    }
    return out;
  }

  /** userid (lower case) → when it was last invited, for invites within the guard window. */
  private async recentlyInvited(corpId: string): Promise<Map<string, string>> {
    const since = this.now() - REINVITE_GUARD_MS;
    const sent = await this.sentInvites(corpId, (at) => Date.parse(at) < since);
    const out = new Map<string, string>();
    for (const s of sent) for (const u of s.userids) if (!out.has(u)) out.set(u, s.at);
    return out;
  }

  /**
   * What the page shows beside 「邀请」: the last invite (when, how many) and who was invited within
   * the guard window, so the button can say so instead of sending again.
   */
  async inviteStatus(): Promise<{ lastAt: string | null; lastCount: number; recent: string[] }> {
    const corpId = await this.d.editor.corpId();
    const since = this.now() - REINVITE_GUARD_MS;
    // One invite action is several outbox rows (chunks of 1000) recorded within moments: one "last".
    const SAME_ACTION_MS = 60_000;
    const sent = await this.sentInvites(
      corpId,
      (at, found) =>
        found.length > 0 && Date.parse(at) < Math.min(since, Date.parse(found[0]!.at) - SAME_ACTION_MS),
    );
    const last = sent[0] ?? null;
    let lastCount = 0;
    for (const s of sent)
      if (last && Date.parse(last.at) - Date.parse(s.at) < SAME_ACTION_MS) lastCount += s.userids.length;
    // Only those still not joined matter to the page: they are the ones it would invite.
    const notJoined = new Set(
      (await this.d.editor.base()).members.filter((m) => m.status === 4).map((m) => m.userid.toLowerCase()),
    );
    const recent = new Set<string>();
    for (const s of sent)
      if (Date.parse(s.at) >= since) for (const u of s.userids) if (notJoined.has(u)) recent.add(u);
    return { lastAt: last?.at ?? null, lastCount, recent: [...recent] };
  }

  /**
   * 邀请: through the outbox like every write (recorded first, never re-sent blindly: WeCom keeps no
   * readable record of invitations, so one whose reply was lost counts as sent). Members already
   * active, disabled or gone are answered locally.
   */
  async invite(input: { userids: string[] } | { all: true }) {
    const corpId = await this.d.editor.requireSynced();
    const ctx = { signal: new AbortController().signal, progress: () => undefined };
    // An earlier invite cut off mid-way is finished (or read back) before a new one starts.
    for (const b of await this.d.outboxRepo.openBatches(corpId, INVITE_FEATURE)) {
      await this.d.outbox.runBatch(corpId, b, ctx);
      await this.d.outbox.close(b);
    }

    const base = await this.d.editor.base();
    const byId = new Map(base.members.map((m) => [m.userid.toLowerCase(), m] as const));
    const recent = await this.recentlyInvited(corpId);
    // 「邀请全部」 means everyone not yet joined and not invited within the day (the page says so);
    // a chosen list answers for each person skipped.
    const ids =
      'all' in input
        ? base.members
            .filter((m) => m.status === 4 && !recent.has(m.userid.toLowerCase()))
            .map((m) => m.userid)
        : [...new Set(input.userids)];
    const results: Array<{ userid: string; name: string; ok: boolean; reason: string | null }> = [];
    const send: string[] = [];
    for (const u of ids) {
      const m = byId.get(u.toLowerCase());
      const lastAt = recent.get(u.toLowerCase());
      if (m?.status === 4 && lastAt !== undefined)
        results.push({
          userid: u,
          name: m.name,
          ok: false,
          reason: `${formatLocal(lastAt)} 已邀请过，24 小时内不重复邀请`,
        });
      else if (m?.status === 4) send.push(u);
      else
        results.push({
          userid: u,
          name: m?.name ?? u,
          ok: false,
          reason: m ? '已激活、已禁用或已退出，无需邀请' : '通讯录中没有这个账号',
        });
    }
    if (send.length === 0) return { results };
    const rows = [];
    for (let i = 0; i < send.length; i += INVITE_CHUNK) {
      const chunk = send.slice(i, i + INVITE_CHUNK);
      rows.push({
        call: { kind: 'member.invite' as const, userids: chunk },
        family: 'contacts-write',
        entity: 'member',
        key: chunk.slice(0, 20).join(','),
        summary: `邀请 ${chunk.length} 名未激活成员`,
        before: null,
        // The userids go into the audit log, from which the re-invite guard reads who was invited when.
        after: { invite: chunk.length, userids: chunk },
      });
    }
    const batchId = await this.d.outbox.record(corpId, INVITE_FEATURE, [], rows);
    await this.d.outbox.runBatch(corpId, batchId, ctx);
    await this.d.outbox.close(batchId);
    for (const row of await this.d.outboxRepo.rows(batchId)) {
      if (row.call.kind !== 'member.invite') continue;
      const res = (row.result ?? {}) as { invaliduser?: string[]; note?: string | null; message?: string };
      const invalid = new Set((res.invaliduser ?? []).map((u) => u.toLowerCase()));
      for (const u of row.call.userids) {
        const name = byId.get(u.toLowerCase())?.name ?? u;
        if (row.status === 'done') {
          const bad = invalid.has(u.toLowerCase());
          results.push({
            userid: u,
            name,
            ok: !bad,
            reason: bad ? '企业微信未接受邀请（可能已激活或不在可见范围）' : (res.note ?? null),
          });
        } else {
          results.push({ userid: u, name, ok: false, reason: res.message ?? '未发送，请稍后重试' });
        }
      }
    }
    return { results };
  }
}

/**
 * One CSV cell as Excel reads it. A cell starting with = + - @ (or a tab or CR, which Excel strips
 * before looking) would run as a formula, so it gets a leading ' that makes it text (review L9).
 * RFC 4180: a lone CR ends a record in Excel just like LF, so it needs quoting too.
 */
export function csvCell(value: string): string {
  const s = neutraliseFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The member's main department, or their first one when the cache has none. */
function mainDeptOf(m: { mainDepartment: number; departments: Array<{ departmentId: number }> }): number {
  return m.departments.some((l) => l.departmentId === m.mainDepartment)
    ? m.mainDepartment
    : (m.departments[0]?.departmentId ?? m.mainDepartment);
}

/** The userids of a recorded invite: its audit `after` (full list), else the key (first 20). */
function invitedUserids(after: string | null, key: string): string[] {
  try {
    const parsed = after ? (JSON.parse(after) as { userids?: unknown }) : null;
    if (Array.isArray(parsed?.userids))
      return parsed.userids.filter((u): u is string => typeof u === 'string').map((u) => u.toLowerCase());
  } catch {
    /* an older or hand-edited entry: fall back to the key */
  }
  return key
    .split(',')
    .filter((u) => u !== '')
    .map((u) => u.toLowerCase());
}

/** "MM-DD HH:mm" in the machine's local time, for a refusal the clerk reads. */
function formatLocal(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
