import type { MemberStatus } from '../../contract/org';
import { MEMBER_FIELD, MEMBER_FIELDS, type MemberField } from '../../domain/member-fields';
import { ROOT_DEPT_ID, asGender, type CMember, type CMemberDept } from '../../domain/org-cache';
import type { SqlValue } from '../connection';

/**
 * Members rows ⇄ cache members, driven by the member-field table: the members table names its columns
 * as WeCom names the fields (the table's `wire`), and departments live in member_departments.
 */

/** Fields stored as a column of members (all but the department links). */
const COLUMN_FIELDS = MEMBER_FIELDS.filter((f) => MEMBER_FIELD[f].kind !== 'links');

/** Column list of an insert into members, in the order of memberRowValues. */
export const MEMBER_INSERT_COLUMNS = [
  'userid',
  'status',
  ...COLUMN_FIELDS.map((f) => MEMBER_FIELD[f].wire),
  'name_pinyin',
  'name_initials',
];

export function memberRowValues(m: CMember, pinyin: string, initials: string): SqlValue[] {
  const values: SqlValue[] = [m.userid, m.status];
  for (const f of COLUMN_FIELDS) values.push(toColumn(f, m[f]));
  values.push(pinyin, initials);
  return values;
}

function toColumn(f: MemberField, v: CMember[MemberField]): SqlValue {
  switch (MEMBER_FIELD[f].kind) {
    case 'flag':
      return v ? 1 : 0;
    case 'userids':
      return JSON.stringify(v);
    case 'links':
      throw new Error('department links are rows of member_departments');
    default:
      return v as string | number;
  }
}

/** A members row as SELECT * returns it (columns keyed by name). */
export type MemberRow = Record<string, unknown> & { userid: string; status: number };

export function memberFromRow(r: MemberRow, links: CMemberDept[]): CMember {
  const m: Record<string, unknown> = { userid: r.userid, status: r.status as MemberStatus };
  for (const f of MEMBER_FIELDS) {
    const v = r[MEMBER_FIELD[f].wire];
    switch (MEMBER_FIELD[f].kind) {
      case 'text':
        m[f] = v;
        break;
      case 'gender':
        m[f] = asGender(String(v));
        break;
      case 'flag':
        m[f] = v === 1;
        break;
      case 'dept':
        // Caches written before main_department was always set may hold null.
        m[f] = (v as number | null) ?? links[0]?.departmentId ?? ROOT_DEPT_ID;
        break;
      case 'links':
        m[f] = links;
        break;
      case 'userids':
        m[f] = JSON.parse(v as string) as string[];
        break;
    }
  }
  return m as unknown as CMember;
}
