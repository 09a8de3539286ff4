import {
  GENDER_LABELS,
  MEMBER_FIELD,
  MEMBER_FIELDS,
  sameMemberField,
  type MemberField,
  type MemberFieldValues,
} from '../../../domain/member-fields';
import type { CMemberDept } from '../../../domain/org-cache';

/**
 * Field-level "before → after" of a member, in words a clerk reads: names instead of department ids
 * and userids, 男/女 instead of 1/2. Shared by the change list, the 差异 tab and 操作记录.
 */

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** How ids become names (the working copy, or the cache for old audit entries). */
export interface Namer {
  dept(id: number): string;
  member(userid: string): string;
}

/** An empty text shows as （空） in "before → after" lines. */
export function showText(v: string): string {
  return v === '' ? '（空）' : v;
}

function linksText(links: readonly CMemberDept[], names: Namer): string {
  return links.map((l) => `${names.dept(l.departmentId)}${l.isLeader ? '（负责人）' : ''}`).join('、');
}

/** One member field's value as text ('' when empty). */
export function memberValueText<F extends MemberField>(
  field: F,
  value: MemberFieldValues[F],
  names: Namer,
): string {
  switch (MEMBER_FIELD[field].kind) {
    case 'gender':
      return GENDER_LABELS[value as string] ?? String(value);
    case 'flag':
      return value ? '启用' : '停用';
    case 'dept':
      return names.dept(value as number);
    case 'links':
      return linksText(value as CMemberDept[], names);
    case 'userids':
      return (value as string[]).map((u) => names.member(u)).join('、');
    default:
      return value as string;
  }
}

/**
 * What changes between two states of a member. `before` null = a create: every filled-in field, so
 * the clerk sees at review what will be written (a 10-digit 手机 included). `fields` limits the check
 * to the fields an update names.
 */
export function memberFieldChanges(
  before: MemberFieldValues | null,
  after: Partial<MemberFieldValues>,
  names: Namer,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of MEMBER_FIELDS) {
    const v = after[f];
    if (v === undefined) continue;
    if (before && sameMemberField(f, before[f], v)) continue;
    const now = memberValueText(f, v, names);
    if (!before && (now === '' || (f === 'gender' && v === '0') || f === 'enable')) continue;
    // A single department is also the main one: saying it twice adds nothing.
    if (f === 'mainDepartment' && after.departments?.length === 1) continue;
    out.push({
      label: MEMBER_FIELD[f].label,
      before: before ? showText(memberValueText(f, before[f], names)) : '',
      after: showText(now),
    });
  }
  return out;
}

/** 「手机 （空） → 13800000001；职务 护士 → 护师」, or for a create 「手机 13800000001；部门 骨科」. */
export function changesPhrase(changes: readonly FieldChange[], create = false): string {
  return changes
    .map((c) => (create ? `${c.label} ${c.after}` : `${c.label} ${c.before} → ${c.after}`))
    .join('；');
}
