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
import type { Holder, RuleIssue } from '../../../../src-main/domain/issue-codes';
import { issueMessage } from '../../../../src-main/domain/issue-messages.zh-CN';
import {
  checkContactUnique,
  checkDirectLeaders,
  checkMemberDepartments,
  checkMobileFormat,
  checkMobileOrEmail,
} from '../../../../src-main/domain/member-rules';
import { schemaIssues, type SchemaLike } from '../../../../src-main/domain/schema-issues';
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

/** A member created locally and not yet pushed: its 账号 may still change. */
export const isStagedNew = (m: Pick<Member, 'pending'> | null): boolean => m?.pending === 'created';

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
  // A new member not yet pushed can still get another 账号: the staged create is replaced (deleting
  // a member that exists only locally removes it), so the push still makes one user/create.
  const userid = values.userid.trim();
  if (isStagedNew(original) && userid !== original.userid)
    return [
      { type: 'member.delete', userid: original.userid },
      { type: 'member.create', userid, fields },
    ];
  const before = formToFields(memberToForm(original, null));
  const changed: Partial<MemberFields> = {};
  for (const key of changedMemberFields(fields, before))
    (changed as Record<string, unknown>)[key] = fields[key];
  if (Object.keys(changed).length === 0) return [];
  return [{ type: 'member.update', userid: original.userid, fields: changed }];
}

/** First message of a schema for a single value, or null when valid: the form's live hints. */
export function checkWith(schema: SchemaLike, value: unknown): string | null {
  const [first] = schemaIssues(schema, value);
  return first ? issueMessage(first) : null;
}

/** The mobile's problems: the contract's schema, then the domain's format rule (60103), as main checks. */
function mobileIssues(value: unknown): RuleIssue[] {
  const found = schemaIssues(Mobile, value);
  if (found.length > 0 || typeof value !== 'string') return found;
  return checkMobileFormat(value.trim());
}

/** The live hint under 手机, or null when the number is one WeCom accepts. */
export function mobileFormatError(value: unknown): string | null {
  const [first] = mobileIssues(value);
  return first ? issueMessage(first) : null;
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

export interface FormCheckOptions {
  /** The member being edited: an edit that changes mobile or email must leave one of them. */
  original?: (Pick<Member, 'userid' | 'mobile' | 'email'> & Partial<Pick<Member, 'pending'>>) | null;
  /** Names departments in the texts, as main does. */
  deptName?: (id: number) => string | undefined;
}

const pickedIds = (links: ReadonlyArray<DeptLinkValue | null | undefined>): number[] =>
  links.flatMap((l) =>
    l && l.departmentId !== null && l.departmentId !== undefined ? [l.departmentId] : [],
  );

/** The department list's first problem (none, more than 20, one twice), or null: its inline hint. */
export function departmentsError(
  links: ReadonlyArray<DeptLinkValue | null | undefined>,
  deptName?: (id: number) => string | undefined,
): string | null {
  const [first] = checkMemberDepartments(pickedIds(links), { nameOf: deptName });
  return first ? issueMessage(first.issue) : null;
}

/** The error under 手机 when others already use the number (from org.findDuplicates). */
export function mobileTakenError(mobile: string, holders: readonly Holder[]): string | null {
  const [first] = checkContactUnique('mobile', mobile.trim(), holders, null);
  return first ? issueMessage(first.issue) : null;
}

/**
 * Whole-form check: field → Chinese message. Runs the contract's field schemas and the domain's member
 * rules, rendered by the shared catalogue: the same checks and words as main, which stays authoritative
 * (and also checks what the form cannot know, such as who else holds a mobile).
 */
export function validateForm(
  values: MemberFormValues,
  creating: boolean,
  opts: FormCheckOptions = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  // Paths are relative to the member's fields; the form shows one message per top-level field.
  const put = (path: string, i: RuleIssue) => {
    const field = path.split('.')[0]!;
    errors[field] ??= issueMessage(i);
  };
  for (const [key, schema] of Object.entries(fieldSchemas)) {
    if (key === 'userid' && !creating && !isStagedNew(opts.original ?? null)) continue;
    const value = values[key as keyof MemberFormValues];
    const [first] = key === 'mobile' ? mobileIssues(value) : schemaIssues(schema, value);
    if (first) put(key, first);
  }
  for (const f of checkMemberDepartments(pickedIds(values.departments), { nameOf: opts.deptName }))
    put(f.path, f.issue);
  const o = opts.original;
  const touchedContact =
    !!o && (values.mobile.trim() !== o.mobile.trim() || values.email.trim() !== o.email.trim());
  for (const f of checkMobileOrEmail(values, creating || touchedContact)) put(f.path, f.issue);
  const self = creating ? values.userid.trim() : (o?.userid ?? null);
  for (const f of checkDirectLeaders(values.directLeader, self)) put(f.path, f.issue);
  return errors;
}
