import type { ActivationRow } from '../../contract/org-edit';
import type { EditRepo } from '../../db/repos/edit-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { SyncRunsRepo } from '../../db/repos/sync-runs-repo';
import { WecomError, toAppError } from '../../wecom/errors';
import { invite } from '../../wecom/endpoints/contacts-write';
import type { CorpContext } from '../settings/corp-context';
import type { OrgEditService } from './org-edit-service';

const INVITE_CHUNK = 1000;

/** 激活情况: who has not joined (two-way authentication), by department, and inviting them. */
export class ActivationService {
  constructor(
    private readonly d: {
      org: OrgRepo;
      runs: SyncRunsRepo;
      edit: EditRepo;
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
    const trend = (await this.d.runs.recent(12))
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
    // RFC 4180: a lone CR ends a record in Excel just like LF, so it needs quoting too.
    const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [
      ['姓名', '账号', '部门', '职务', '手机', '状态'],
      ...rows.map((r) => [r.name, r.userid, r.departments, r.position, r.mobile, '未激活']),
    ];
    const dept = departmentId !== undefined ? (wc.dept(departmentId)?.name ?? String(departmentId)) : '全院';
    // BOM + CRLF so Excel on Chinese Windows opens it as UTF-8.
    return {
      filename: `未激活成员-${dept}.csv`,
      csv: '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n',
    };
  }

  async invite(input: { userids: string[] } | { all: true }) {
    const base = await this.d.editor.base();
    const byId = new Map(base.members.map((m) => [m.userid.toLowerCase(), m] as const));
    const ids =
      'all' in input
        ? base.members.filter((m) => m.status === 4).map((m) => m.userid)
        : [...new Set(input.userids)];
    const corp = await this.d.corp.resolve();
    const cred = corp.contacts ?? corp.apps.find((a) => a.cred)?.cred ?? null;
    const results: Array<{ userid: string; name: string; ok: boolean; reason: string | null }> = [];
    const now = this.d.editor.now();
    for (let i = 0; i < ids.length; i += INVITE_CHUNK) {
      const chunk = ids.slice(i, i + INVITE_CHUNK);
      const local = chunk.filter((u) => byId.get(u.toLowerCase())?.status !== 4);
      const send = chunk.filter((u) => byId.get(u.toLowerCase())?.status === 4);
      for (const u of local) {
        const m = byId.get(u.toLowerCase());
        results.push({
          userid: u,
          name: m?.name ?? u,
          ok: false,
          reason: m ? '已激活、已禁用或已退出，无需邀请' : '通讯录中没有这个账号',
        });
      }
      if (!send.length) continue;
      if (!cred) throw toAppError(new WecomError(48002, 'no secret configured', 'batch/invite'));
      const out = await invite(this.d.corp.http(corp.apiBase), cred, send);
      const invalid = new Set(out.invalidUsers.map((u) => u.toLowerCase()));
      for (const u of send) {
        const bad = invalid.has(u.toLowerCase());
        results.push({
          userid: u,
          name: byId.get(u.toLowerCase())?.name ?? u,
          ok: !bad,
          reason: bad ? '企业微信未接受邀请（可能已激活或不在可见范围）' : null,
        });
      }
      await this.d.edit.audit({
        at: now,
        api: 'batch/invite',
        summary: `邀请 ${send.length} 名未激活成员`,
        entity: 'member',
        key: send.slice(0, 20).join(','),
        before: null,
        after: { invited: send.length - invalid.size, invalid: [...invalid] },
        result: '成功',
      });
    }
    return { results };
  }
}
