import type { AuditEntry, AuditFieldChange } from '../../contract/org-edit';
import type { MemberFieldValues } from '../../domain/member-fields';
import type { CDept, CTag } from '../../domain/org-cache';
import type { AuditRow } from '../../db/repos/audit-repo';
import { memberFieldChanges, showText, type Namer } from '../org-edit/model/field-changes';

/**
 * An audit row in a clerk's words: the kind of operation, the fields that changed (names, not ids or
 * JSON) and the outcome without internal codes. Old rows stored whole entities as JSON; this reads them.
 */

const KIND_LABEL: Record<string, string> = {
  'dept.create': '部门 · 新建',
  'dept.update': '部门 · 修改',
  'dept.delete': '部门 · 删除',
  'member.create': '成员 · 新建',
  'member.update': '成员 · 修改',
  'member.delete': '成员 · 删除',
  'member.invite': '成员 · 邀请',
  'tag.create': '标签 · 新建',
  'tag.update': '标签 · 改名',
  'tag.delete': '标签 · 删除',
  'tag.addMembers': '标签 · 添加成员',
  'tag.removeMembers': '标签 · 移除成员',
};

export function kindLabel(api: string): string {
  return KIND_LABEL[api] ?? '其他操作';
}

function parse(s: string | null): Record<string, unknown> | null {
  if (s === null) return null;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isMember = (v: Record<string, unknown> | null): v is Record<string, unknown> & MemberFieldValues =>
  v !== null && typeof v.name === 'string' && Array.isArray(v.departments);

function deptChanges(b: Partial<CDept> | null, a: Partial<CDept> | null, names: Namer): AuditFieldChange[] {
  if (!a) return [];
  const out: AuditFieldChange[] = [];
  const row = (label: string, x: string, y: string) => {
    if (x !== y) out.push({ label, before: b ? showText(x) : '', after: showText(y) });
  };
  row('名称', b?.name ?? '', a.name ?? '');
  if (a.parentid !== undefined)
    row('上级部门', b?.parentid !== undefined ? names.dept(b.parentid) : '', names.dept(a.parentid));
  if (a.order !== undefined) row('排序值', b?.order !== undefined ? String(b.order) : '', String(a.order));
  return out;
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function tagChanges(
  api: string,
  b: Record<string, unknown> | null,
  a: Record<string, unknown> | null,
  names: Namer,
): AuditFieldChange[] {
  if (api === 'tag.addMembers' || api === 'tag.removeMembers') {
    const links = (api === 'tag.addMembers' ? a : b) ?? {};
    const who = [
      ...listOf(links.userids).map((u) => names.member(String(u))),
      ...listOf(links.departmentIds).map((d) => names.dept(Number(d))),
    ];
    if (who.length === 0) return [];
    const text = who.length > 20 ? `${who.slice(0, 20).join('、')} 等 ${who.length} 项` : who.join('、');
    return [{ label: api === 'tag.addMembers' ? '添加' : '移除', before: '', after: text }];
  }
  const t = a as Partial<CTag> | null;
  const was = b as Partial<CTag> | null;
  if (!t?.tagname || t.tagname === was?.tagname) return [];
  return [{ label: '名称', before: was?.tagname ? was.tagname : '', after: t.tagname }];
}

/** The fields an audited call changed, in words. Deletes and invites have none (the summary says it). */
export function fieldChanges(row: AuditRow, names: Namer): AuditFieldChange[] {
  const b = parse(row.before);
  const a = parse(row.after);
  if (row.api.startsWith('dept.')) return deptChanges(b as Partial<CDept>, a as Partial<CDept>, names);
  if (row.api.startsWith('tag.')) return tagChanges(row.api, b, a, names);
  if (row.api === 'member.create' || row.api === 'member.update') {
    if (!isMember(a)) return [];
    if (row.api === 'member.create') {
      const created = memberFieldChanges(null, a, names);
      return created.map((c) => ({ ...c, before: '' }));
    }
    return isMember(b) ? memberFieldChanges(b, a, names) : [];
  }
  return [];
}

/** '成功' / '失败：WECOM_REQUEST_REJECTED（60104）' / '已跳过' as stored by the outbox. */
export function outcomeOf(result: string): Pick<AuditEntry, 'outcome' | 'errorCode' | 'errcode'> {
  if (result === '成功') return { outcome: 'ok', errorCode: null, errcode: null };
  const m = /^失败：([A-Z_]+)(?:（(-?\d+)）)?$/.exec(result);
  if (m) return { outcome: 'failed', errorCode: m[1]!, errcode: m[2] !== undefined ? Number(m[2]) : null };
  return { outcome: 'skipped', errorCode: null, errcode: null };
}

/** The result for the export, which has no error catalogue: no internal codes, WeCom's errcode kept. */
export function resultText(row: AuditRow): string {
  const o = outcomeOf(row.result);
  if (o.outcome === 'ok') return '成功';
  if (o.outcome === 'skipped') return row.result;
  return o.errcode !== null && o.errcode !== undefined
    ? `失败（企业微信拒绝，错误码 ${o.errcode}）`
    : '失败（未能写入企业微信）';
}

/** 「手机：（空） → 13800000001」 lines, or for a create 「手机：13800000001」. */
export function changesText(changes: readonly AuditFieldChange[]): string {
  return changes
    .map((c) => (c.before === '' ? `${c.label}：${c.after}` : `${c.label}：${c.before} → ${c.after}`))
    .join('\n');
}

export function describeRow(row: AuditRow, names: Namer, profile: string): AuditEntry {
  return {
    ...row,
    profile,
    kindLabel: kindLabel(row.api),
    changes: fieldChanges(row, names),
    ...outcomeOf(row.result),
  };
}
