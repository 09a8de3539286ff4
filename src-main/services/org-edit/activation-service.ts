import type { ActivationRow } from '../../contract/org-edit';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { SyncRunsRepo } from '../../db/repos/sync-runs-repo';
import type { OutboxService } from '../outbox/outbox-service';
import type { CorpContext } from '../settings/corp-context';
import type { OrgEditService } from './org-edit-service';
import { neutraliseFormula } from '../export/formula-guard';

const INVITE_FEATURE = 'invite';
const INVITE_CHUNK = 1000;

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
    },
  ) {}

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
    for (const m of base.members) {
      bump(totals, m.status);
      for (const l of m.departments) {
        let r = rows.get(l.departmentId);
        if (!r) {
          const dept = wc.dept(l.departmentId);
          r = {
            departmentId: l.departmentId,
            name: dept?.name ?? String(l.departmentId),
            path: dept ? wc.path(dept.id) : '',
            total: 0,
            active: 0,
            notJoined: 0,
            disabled: 0,
            left: 0,
          };
          rows.set(l.departmentId, r);
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
    return base.members
      .filter(
        (m) =>
          m.status === 4 &&
          (departmentId === undefined || m.departments.some((l) => l.departmentId === departmentId)),
      )
      .map((m) => ({
        userid: m.userid,
        name: m.name,
        position: m.position,
        mobile: m.mobile,
        departments: m.departments
          .map((l) => wc.dept(l.departmentId)?.name ?? String(l.departmentId))
          .join('、'),
      }));
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
    const ids =
      'all' in input
        ? base.members.filter((m) => m.status === 4).map((m) => m.userid)
        : [...new Set(input.userids)];
    const results: Array<{ userid: string; name: string; ok: boolean; reason: string | null }> = [];
    const send: string[] = [];
    for (const u of ids) {
      const m = byId.get(u.toLowerCase());
      if (m?.status === 4) send.push(u);
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
        after: { invite: chunk.length },
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
