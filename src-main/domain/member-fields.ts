import type { MemberFields } from '../contract/org-edit';
import type { MemberCallFields } from '../contract/outbox';
import { sameLinks, sameSet, uidKey, type CMember, type CMemberDept } from './org-cache';

/**
 * The one description of a member's writable fields. Storage, sync, the editing model (apply, plan,
 * diff, summaries, conflicts), the wire body and the renderer's form all loop over this table, so a
 * field is added here once instead of in eight hand-written copies.
 */

/** What a clerk can write: everything but the key (userid) and the status WeCom alone sets. */
export type MemberFieldValues = Omit<CMember, 'userid' | 'status'>;
export type MemberField = keyof MemberFieldValues;

/**
 * How a field compares, copies and travels. text: free text, '' = not set (forms trim it).
 * gender: '0' | '1' | '2'. flag: a boolean, 0/1 on the wire. dept: one department id.
 * links: the member's departments, positional (WeCom's department, order and is_leader_in_dept lists
 * go together). userids: a set of userids, compared case-insensitively.
 */
export type MemberFieldKind = 'text' | 'gender' | 'flag' | 'dept' | 'links' | 'userids';

type KindFor<V> = [V] extends [boolean]
  ? 'flag'
  : [V] extends [number]
    ? 'dept'
    : [V] extends [CMemberDept[]]
      ? 'links'
      : [V] extends [string[]]
        ? 'userids'
        : [string] extends [V]
          ? 'text'
          : 'gender';

export interface MemberFieldSpec<K extends MemberFieldKind = MemberFieldKind> {
  /** WeCom's key in user/get and user/update; the cache's members columns are named alike. */
  wire: string;
  label: string;
  kind: K;
}

/**
 * The order is part of every stored entity version (conflicts.ts hashes the fields in this order), so
 * reordering or inserting in the middle makes every staged change look edited in WeCom.
 */
export const MEMBER_FIELD = {
  name: { wire: 'name', label: '姓名', kind: 'text' },
  alias: { wire: 'alias', label: '别名', kind: 'text' },
  mobile: { wire: 'mobile', label: '手机', kind: 'text' },
  email: { wire: 'email', label: '邮箱', kind: 'text' },
  telephone: { wire: 'telephone', label: '座机', kind: 'text' },
  position: { wire: 'position', label: '职务', kind: 'text' },
  gender: { wire: 'gender', label: '性别', kind: 'gender' },
  enable: { wire: 'enable', label: '状态', kind: 'flag' },
  mainDepartment: { wire: 'main_department', label: '主部门', kind: 'dept' },
  departments: { wire: 'department', label: '部门', kind: 'links' },
  directLeader: { wire: 'direct_leader', label: '直属上级', kind: 'userids' },
} as const satisfies { [F in MemberField]: MemberFieldSpec<KindFor<MemberFieldValues[F]>> };

export const MEMBER_FIELDS = Object.keys(MEMBER_FIELD) as MemberField[];

/** The free-text fields, named alike in the cache, the contract, the form and WeCom's JSON. */
export type TextMemberField = {
  [F in MemberField]: (typeof MEMBER_FIELD)[F]['kind'] extends 'text' ? F : never;
}[MemberField];
export const TEXT_MEMBER_FIELDS = MEMBER_FIELDS.filter(
  (f) => MEMBER_FIELD[f].kind === 'text',
) as TextMemberField[];

/** The simple values a summary can show as "before → after": the text fields and gender. */
export type ScalarMemberField = TextMemberField | 'gender';
export const SCALAR_MEMBER_FIELDS: readonly ScalarMemberField[] = [...TEXT_MEMBER_FIELDS, 'gender'];

export const GENDER_LABELS: Record<string, string> = { '0': '未填', '1': '男', '2': '女' };

/** Equal as WeCom sees it: links by position, leaders as a set of case-insensitive userids. */
export function sameMemberField<F extends MemberField>(
  f: F,
  a: MemberFieldValues[F],
  b: MemberFieldValues[F],
): boolean {
  switch (MEMBER_FIELD[f].kind) {
    case 'links':
      return sameLinks(a as CMemberDept[], b as CMemberDept[]);
    case 'userids':
      return sameSet(a as string[], b as string[], uidKey);
    default:
      return a === b;
  }
}

/** The fields whose values differ, in table order. */
export function changedMemberFields(
  a: MemberFieldValues,
  b: MemberFieldValues,
  fields: readonly MemberField[] = MEMBER_FIELDS,
): MemberField[] {
  return fields.filter((f) => !sameMemberField(f, a[f], b[f]));
}

export function sameMember(a: CMember, b: CMember): boolean {
  return a.status === b.status && changedMemberFields(a, b).length === 0;
}

/** A value safe to keep: lists are copied so an op's arrays are never shared with an entity. */
function copyValue<F extends MemberField>(f: F, v: MemberFieldValues[F]): MemberFieldValues[F] {
  const kind = MEMBER_FIELD[f].kind;
  if (kind === 'links') return (v as CMemberDept[]).map((l) => ({ ...l })) as MemberFieldValues[F];
  if (kind === 'userids') return [...(v as string[])] as MemberFieldValues[F];
  return v;
}

/** A member's whole writable state, e.g. the fields of a member.create call. */
export function memberFieldsOf(m: MemberFieldValues): MemberFieldValues {
  const out = {} as Record<MemberField, unknown>;
  for (const f of MEMBER_FIELDS) out[f] = copyValue(f, m[f]);
  return out as MemberFieldValues;
}

/** m with every field that `changes` sets (undefined = unchanged) replaced. */
export function withMemberFields<M extends MemberFieldValues>(m: M, changes: Partial<MemberFieldValues>): M {
  const next: Record<string, unknown> = { ...m };
  for (const f of MEMBER_FIELDS) {
    const v = changes[f];
    if (v !== undefined) next[f] = copyValue(f, v);
  }
  return next as M;
}

/** The text fields of anything that names them like the table (a WeCom user, a form, a contract member). */
export function textFieldsOf(src: Record<TextMemberField, string>): Record<TextMemberField, string> {
  const out = {} as Record<TextMemberField, string>;
  for (const f of TEXT_MEMBER_FIELDS) out[f] = src[f];
  return out;
}

/**
 * An order-insensitive JSON form of the fields, for version hashes: reordering a member's departments
 * or leaders is not an edit worth a conflict.
 */
export function memberFieldsCanon(m: MemberFieldValues): unknown[] {
  return MEMBER_FIELDS.map((f) => {
    const v = m[f];
    switch (MEMBER_FIELD[f].kind) {
      case 'links':
        return [...(v as CMemberDept[])]
          .sort((a, b) => a.departmentId - b.departmentId)
          .map((l) => [l.departmentId, l.order, l.isLeader]);
      case 'userids':
        return (v as string[]).map(uidKey).sort();
      default:
        return v;
    }
  });
}

// The contract's field schemas must describe exactly these fields; a drift fails typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractAgrees: Same<MemberFields, MemberFieldValues> & Same<MemberCallFields, MemberFieldValues> =
  true;
void contractAgrees;
