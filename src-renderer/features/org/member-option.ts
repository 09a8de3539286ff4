import type { MemberIndexRow } from '../../../src-main/contract';
import type { DeptTree } from './dept-tree-model';

/** At most this many department names after a hit's name; the rest as 「等 N 个部门」. */
const MAX_DEPTS = 2;

/**
 * What every member picker shows after a hit's name to tell namesakes apart: its departments and
 * 职务, as in 「心内科 · 主任」. Falls back to the 账号 when neither is known.
 */
export function memberHitDetail(row: MemberIndexRow, tree: DeptTree | null): string {
  const names = row.departmentIds
    .map((id) => tree?.byId.get(id)?.name)
    .filter((n): n is string => n !== undefined);
  const depts =
    names.length > MAX_DEPTS
      ? `${names.slice(0, MAX_DEPTS).join('、')}等 ${names.length} 个部门`
      : names.join('、');
  const parts = [depts, row.position].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' · ') : row.userid;
}

/** A picker option's text: 「崔博（心内科 · 主任）」. */
export function memberOptionLabel(row: MemberIndexRow, tree: DeptTree | null): string {
  return `${row.name}（${memberHitDetail(row, tree)}）`;
}
