import {
  Email,
  MemberFields,
  MemberName,
  Mobile,
  Telephone,
  Userid,
  type ChangeOp,
  type Member,
} from '../../../../src-main/contract';
import type { z } from 'zod';
import {
  TEXT_MEMBER_FIELDS,
  changedMemberFields,
  textFieldsOf,
  type TextMemberField,
} from '../../../../src-main/domain/member-fields';

/** One row of the 部门 list in the editor; departmentId is null until a department is picked. */
export interface DeptLinkValue {
  departmentId: number | null;
  order: number;
  isLeader: boolean;
}

/** The text fields (name, mobile, …) come from the member-field table; the rest need widgets. */
export interface MemberFormValues extends Record<TextMemberField, string> {
  userid: string;
  gender: '0' | '1' | '2';
  departments: DeptLinkValue[];
  mainDepartment: number | null;
  directLeader: string[];
  enable: boolean;
}

const EMPTY_TEXT = Object.fromEntries(TEXT_MEMBER_FIELDS.map((f) => [f, ''])) as Record<
  TextMemberField,
  string
>;

const asGender = (g: string): MemberFormValues['gender'] => (g === '1' || g === '2' ? g : '0');

export function memberToForm(member: Member | null, defaultDeptId: number | null): MemberFormValues {
  if (!member) {
    return {
      userid: '',
      ...EMPTY_TEXT,
      gender: '0',
      departments: [{ departmentId: defaultDeptId, order: 0, isLeader: false }],
      mainDepartment: defaultDeptId,
      directLeader: [],
      enable: true,
    };
  }
  return {
    userid: member.userid,
    ...textFieldsOf(member),
    gender: asGender(member.gender),
    departments: member.departments.map((d) => ({ ...d })),
    mainDepartment: member.mainDepartment ?? member.departments[0]?.departmentId ?? null,
    directLeader: [...member.directLeader],
    // 已禁用 (status 2) is the only state that WeCom's enable=0 produces.
    enable: member.status !== 2,
  };
}

/** The contract's fields from the form; trims like the schemas do. */
export function formToFields(values: MemberFormValues): MemberFields {
  const departments = values.departments
    .filter((d): d is DeptLinkValue & { departmentId: number } => d.departmentId !== null)
    .map((d) => ({
      departmentId: d.departmentId,
      order: Math.max(0, Math.trunc(d.order || 0)),
      isLeader: d.isLeader,
    }));
  const main =
    values.mainDepartment !== null && departments.some((d) => d.departmentId === values.mainDepartment)
      ? values.mainDepartment
      : (departments[0]?.departmentId ?? 0);
  const text = textFieldsOf(values);
  for (const f of TEXT_MEMBER_FIELDS) text[f] = text[f].trim();
  return {
    ...text,
    gender: values.gender,
    departments,
    mainDepartment: main,
    directLeader: [...values.directLeader],
    enable: values.enable,
  };
}

/**
 * Save = one op: member.create with every field, or member.update with only what changed (so a
 * concurrent edit of another field in WeCom is not overwritten). [] when nothing changed.
 */
export function formToOps(values: MemberFormValues, original: Member | null): ChangeOp[] {
  const fields = formToFields(values);
  if (!original) return [{ type: 'member.create', userid: values.userid.trim(), fields }];
  const before = formToFields(memberToForm(original, null));
  const changed: Partial<MemberFields> = {};
  for (const key of changedMemberFields(fields, before))
    (changed as Record<string, unknown>)[key] = fields[key];
  if (Object.keys(changed).length === 0) return [];
  return [{ type: 'member.update', userid: original.userid, fields: changed }];
}

/** First message of a schema for a single value, or null when valid: the form's live hints. */
export function checkWith(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '格式不正确');
}

export const fieldSchemas = {
  userid: Userid,
  name: MemberName,
  alias: MemberFields.shape.alias,
  mobile: Mobile,
  email: Email,
  telephone: Telephone,
  position: MemberFields.shape.position,
  directLeader: MemberFields.shape.directLeader,
} as const;

/** Whole-form check: field → Chinese message. Mirrors main's cheap checks; main stays authoritative. */
export function validateForm(values: MemberFormValues, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, schema] of Object.entries(fieldSchemas)) {
    if (key === 'userid' && !creating) continue;
    const msg = checkWith(schema, values[key as keyof MemberFormValues]);
    if (msg) errors[key] = msg;
  }
  const picked = values.departments.filter((d) => d.departmentId !== null);
  if (picked.length === 0) errors.departments = '至少选择一个部门';
  else if (picked.length > 20) errors.departments = '一名成员最多属于 20 个部门';
  else if (new Set(picked.map((d) => d.departmentId)).size !== picked.length)
    errors.departments = '同一个部门不能选两次';
  if (values.mobile.trim() === '' && values.email.trim() === '' && creating)
    errors.mobile = '手机和邮箱至少填写一项（企业微信要求）';
  return errors;
}
