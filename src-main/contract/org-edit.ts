import { z } from 'zod';

/**
 * 通讯录 editing. Every edit is staged locally as ChangeOps and pushed later. Departments and tags
 * created locally carry NEGATIVE ids until the push maps them onto the ids WeCom assigns.
 */

/**
 * WeCom's single-field formats (API.md §2.1–2.3), checked at the trust boundary and by main's
 * validation and the renderer's forms. Messages are issue codes (src-main/domain/issue-codes.ts), not
 * text: the contract imports only zod, so the Chinese lives in the domain's one catalogue, and
 * whoever meets a failure renders it there (domain/schema-issues.ts).
 */
export const DEPT_NAME_FORBIDDEN = /[\\:*?"<>|]/;
/** Levels, the root counting 1 (81002). */
export const MAX_DEPT_DEPTH = 15;
/** 60110's text says 20; the create doc says 100. The stricter, enforced one wins. */
export const MAX_MEMBER_DEPTS = 20;
/** 60257. */
export const MAX_DIRECT_LEADERS = 5;
export const DeptName = z
  .string()
  .trim()
  .min(1, 'dept.nameEmpty')
  .max(64, 'dept.nameTooLong')
  .refine((s) => !DEPT_NAME_FORBIDDEN.test(s), 'dept.nameChars');
export const Userid = z
  .string()
  .min(1, 'member.useridEmpty')
  .max(64, 'member.useridTooLong')
  // Characters are checked by .max (the contract's bound); bytes only when that passed, to report once.
  .refine((s) => s.length > 64 || new TextEncoder().encode(s).length <= 64, {
    message: 'member.useridTooLong',
    params: { max: 64 },
  })
  .regex(/^[0-9A-Za-z][0-9A-Za-z_\-@.]*$/, 'member.useridChars');
export const MemberName = z.string().trim().min(1, 'member.nameEmpty').max(64, 'member.nameTooLong');
export const Mobile = z
  .string()
  .trim()
  .max(32, 'member.mobileTooLong')
  .regex(/^(\+?[0-9][0-9 -]*)?$/, 'member.mobileChars');
export const Email = z
  .string()
  .trim()
  .max(64, 'member.emailInvalid')
  .refine(
    (s) => s === '' || (s.length >= 6 && s.length <= 64 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)),
    'member.emailInvalid',
  );
export const Telephone = z
  .string()
  .trim()
  .max(32, 'member.telephoneTooLong')
  .regex(/^[0-9+,-]*$/, 'member.telephoneChars');
export const TagName = z.string().trim().min(1, 'tag.nameEmpty').max(32, 'tag.nameTooLong');
/** A reference to an existing member (not validated as a new account name, only bounded). */
export const UseridRef = z.string().min(1).max(64);

export const MemberDeptLink = z.object({
  departmentId: z.number().int(),
  order: z.number().int().min(0),
  isLeader: z.boolean(),
});

export const MemberFields = z.object({
  name: MemberName,
  alias: z.string().trim().max(64, 'member.aliasTooLong'),
  mobile: Mobile,
  email: Email,
  telephone: Telephone,
  position: z.string().trim().max(128, 'member.positionTooLong'),
  gender: z.enum(['0', '1', '2']),
  departments: z
    .array(MemberDeptLink)
    .min(1, 'member.deptsEmpty')
    .max(MAX_MEMBER_DEPTS, 'member.tooManyDepts'),
  mainDepartment: z.number().int(),
  directLeader: z.array(UseridRef).max(MAX_DIRECT_LEADERS, 'member.directLeaderTooMany'),
  enable: z.boolean(),
});
export type MemberFields = z.infer<typeof MemberFields>;

export const ChangeOp = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dept.create'),
    id: z.number().int().negative(),
    name: DeptName,
    parentid: z.number().int(),
    order: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('dept.update'),
    id: z.number().int(),
    name: DeptName.optional(),
    parentid: z.number().int().optional(),
    order: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('dept.delete'), id: z.number().int() }),
  z.object({ type: z.literal('member.create'), userid: Userid, fields: MemberFields }),
  z.object({ type: z.literal('member.update'), userid: UseridRef, fields: MemberFields.partial() }),
  z.object({ type: z.literal('member.delete'), userid: UseridRef }),
  z.object({ type: z.literal('tag.create'), tagid: z.number().int().negative(), tagname: TagName }),
  z.object({ type: z.literal('tag.update'), tagid: z.number().int(), tagname: TagName }),
  z.object({ type: z.literal('tag.delete'), tagid: z.number().int() }),
  z.object({
    type: z.literal('tag.addMembers'),
    tagid: z.number().int(),
    userids: z.array(UseridRef).max(50_000),
    departmentIds: z.array(z.number().int()).max(3_000),
  }),
  z.object({
    type: z.literal('tag.removeMembers'),
    tagid: z.number().int(),
    userids: z.array(UseridRef).max(50_000),
    departmentIds: z.array(z.number().int()).max(3_000),
  }),
]);
export type ChangeOp = z.infer<typeof ChangeOp>;

/** One undo unit: what a clerk did in one gesture (a drag can move many members). */
export const Change = z.object({
  id: z.number().int(),
  label: z.string(),
  summaries: z.array(z.string()),
  ops: z.array(ChangeOp),
  createdAt: z.string(),
});
export type Change = z.infer<typeof Change>;

export const DiffLine = z.object({
  kind: z.enum(['added', 'removed', 'moved', 'renamed', 'reordered', 'changed']),
  entity: z.enum(['department', 'member', 'tag']),
  key: z.string(),
  text: z.string(),
  /** Tree path before / after, e.g. 新区医院/临床科室/心血管内科. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const Conflict = z.object({
  changeId: z.number().int(),
  entity: z.enum(['department', 'member', 'tag']),
  key: z.string(),
  title: z.string(),
  /** Field → value, for a side-by-side view. null = the entity does not exist on that side. */
  base: z.record(z.string(), z.string()).nullable(),
  mine: z.record(z.string(), z.string()).nullable(),
  theirs: z.record(z.string(), z.string()).nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

/** One field of an audited entity, in words: 「手机：13800000001 → 13800000002」. */
export const AuditFieldChange = z.object({ label: z.string(), before: z.string(), after: z.string() });
export type AuditFieldChange = z.infer<typeof AuditFieldChange>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  api: z.string(),
  summary: z.string(),
  entity: z.string(),
  key: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  result: z.string(),
  /** 操作人: the OS user who ran the app ('' = written before this was recorded). */
  actor: z.string().optional(),
  /** The corp profile the entry belongs to, e.g. 「演示模式」 or 「企业 ww…」. */
  profile: z.string().optional(),
  /** 「成员 · 修改」: the kind of operation in words (api is the internal call name). */
  kindLabel: z.string().optional(),
  /** The fields that changed, with names instead of ids (empty for invites and deletes). */
  changes: z.array(AuditFieldChange).optional(),
  outcome: z.enum(['ok', 'failed', 'skipped']).optional(),
  /** For a failure: the app's error code and WeCom's errcode, described in the UI's words. */
  errorCode: z.string().nullable().optional(),
  errcode: z.number().int().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Positional groups (the seed's model 2) and rule-based tags: derived from members' positions. */
export const Rule = z.object({
  id: z.number().int(),
  kind: z.enum(['positional', 'tag']),
  /** Group department name (positional) or tag name (tag). */
  name: z.string().trim().min(1).max(32),
  positions: z.array(z.string().trim().min(1).max(128, '职务最多 128 个字')).min(1, '至少填写一个职务'),
  /** positional: the top groups to maintain the group under (empty = every top group with matches). */
  topGroupIds: z.array(z.number().int()),
  enabled: z.boolean(),
});
export type Rule = z.infer<typeof Rule>;
export const RuleInput = Rule.omit({ id: true }).extend({ id: z.number().int().optional() });

export const RulePreview = z.object({
  groups: z.array(
    z.object({
      parentId: z.number().int().nullable(),
      parentName: z.string(),
      name: z.string(),
      exists: z.boolean(),
      members: z.array(z.object({ userid: z.string(), name: z.string(), position: z.string() })),
      adds: z.array(z.string()),
      removes: z.array(z.string()),
    }),
  ),
  ops: z.number().int(),
});
export type RulePreview = z.infer<typeof RulePreview>;

export const ActivationRow = z.object({
  departmentId: z.number().int(),
  name: z.string(),
  path: z.string(),
  total: z.number().int(),
  active: z.number().int(),
  notJoined: z.number().int(),
  disabled: z.number().int(),
  left: z.number().int(),
});
export type ActivationRow = z.infer<typeof ActivationRow>;

export const InviteResult = z.object({
  userid: z.string(),
  name: z.string(),
  ok: z.boolean(),
  reason: z.string().nullable(),
});

/** 操作记录 filters; dates are ISO instants (the renderer turns the clerk's local days into them). */
export const AuditFilter = z
  .object({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    kind: z.enum(['department', 'member', 'tag', 'invite']).optional(),
    departmentId: z.number().int().optional(),
    /** Matches 操作人 and the member or department concerned (name or account). */
    person: z.string().trim().max(64).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;
