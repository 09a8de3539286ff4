import { hostname, userInfo } from 'node:os';
import type { AuditEntry, AuditFilter } from '../../contract/org-edit';
import type { AuditRepo, AuditRow } from '../../db/repos/audit-repo';
import type { CacheSnapshot } from '../../domain/org-cache';
import { uidKey } from '../../domain/org-cache';
import { localDateTimeText, writeXlsx } from '../export/xlsx';
import type { Namer } from '../org-edit/model/field-changes';
import { changesText, describeRow, kindLabel, resultText } from './audit-describe';

/** Enough for any real audit (a busy year); the page itself pages by 100. */
export const AUDIT_EXPORT_MAX = 100_000;

export interface AuditDeps {
  repo: AuditRepo;
  /** The current corp and whether it is the built-in demo. */
  corp: () => Promise<{ mode: 'demo' | 'corp'; corpId: string }>;
  /** The cached 通讯录, to put names on department ids and userids. */
  snapshot: () => Promise<CacheSnapshot>;
  /** 操作人 of this instance; defaults to the OS account @ computer. */
  actor?: string;
}

/** 「zhangsan@PC-01」: the Windows (or Linux) account that runs the app, on which computer. */
export function osActor(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment still names the user.
    user = process.env.USERNAME ?? process.env.USER ?? '';
  }
  return `${user || '未知用户'}@${hostname()}`;
}

/** 操作记录: what reached WeCom, put into words, filtered, and exported to .xlsx. */
export class AuditService {
  constructor(private readonly d: AuditDeps) {}

  /** Records this instance's operator; every audit entry written afterwards carries it. */
  async start(): Promise<void> {
    await this.d.repo.setActor(this.d.actor ?? osActor());
  }

  async list(limit: number, beforeId?: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const { rows, names, profile } = await this.read(limit, beforeId, filter);
    return rows.map((r) => describeRow(r, names, profile));
  }

  async exportXlsx(filter: AuditFilter = {}): Promise<{ filename: string; base64: string; rows: number }> {
    const { rows, names, profile } = await this.read(AUDIT_EXPORT_MAX, undefined, filter);
    const body = rows.map((r) => {
      const e = describeRow(r, names, profile);
      return [
        localDateTimeText(r.at),
        actorText(r.actor),
        profile,
        kindLabel(r.api),
        r.summary,
        changesText(e.changes ?? []),
        resultText(r),
      ];
    });
    const buf = await writeXlsx({
      name: '操作记录',
      columns: [
        { header: '时间', width: 20 },
        { header: '操作人', width: 22 },
        { header: '企业', width: 26 },
        { header: '类型', width: 16 },
        { header: '操作', width: 48, wrap: true },
        { header: '修改内容', width: 48, wrap: true },
        { header: '结果', width: 28 },
      ],
      rows: body,
    });
    const day = localDateTimeText(new Date().toISOString()).slice(0, 10);
    return { filename: `操作记录-${day}.xlsx`, base64: buf.toString('base64'), rows: body.length };
  }

  private async read(limit: number, beforeId: number | undefined, filter: AuditFilter) {
    const [corp, snap] = await Promise.all([this.d.corp(), this.d.snapshot()]);
    const depts = new Map(snap.departments.map((x) => [x.id, x.name]));
    const people = new Map(snap.members.map((m) => [uidKey(m.userid), m.name]));
    const names: Namer = {
      dept: (id) => depts.get(id) ?? `部门#${id}`,
      member: (u) => people.get(uidKey(u)) ?? u,
    };
    const deptName = filter.departmentId !== undefined ? depts.get(filter.departmentId) : undefined;
    const rows: AuditRow[] = await this.d.repo.list(corp.corpId, limit, beforeId, {
      ...filter,
      ...(deptName ? { deptName } : {}),
    });
    const profile = corp.mode === 'demo' ? `演示模式（${corp.corpId}）` : `企业 ${corp.corpId}`;
    return { rows, names, profile };
  }
}

export function actorText(actor: string): string {
  return actor === '' ? '（未记录）' : actor;
}
