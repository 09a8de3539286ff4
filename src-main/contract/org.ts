import { z } from 'zod';

export const MemberStatus = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(5)]);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const PendingState = z.enum(['created', 'updated', 'deleted']);
export type PendingState = z.infer<typeof PendingState>;

export const Department = z.object({
  id: z.number().int(),
  name: z.string(),
  parentid: z.number().int(),
  order: z.number().int(),
  /** Members whose department list contains this id (direct only). */
  memberCount: z.number().int(),
  /** 0..5 for the six fixed top groups, null otherwise. */
  pinnedRank: z.number().int().nullable(),
  /** Staged locally and not yet pushed (null = as in WeCom). Negative ids are local creations. */
  pending: PendingState.nullable().optional(),
  /** The name's full pinyin and initials, so the department pickers find 心内科 by "xnk". */
  pinyin: z.string().optional(),
  initials: z.string().optional(),
});
export type Department = z.infer<typeof Department>;

export const MemberDept = z.object({
  departmentId: z.number().int(),
  order: z.number().int(),
  isLeader: z.boolean(),
});

export const Member = z.object({
  userid: z.string(),
  name: z.string(),
  alias: z.string(),
  position: z.string(),
  mobile: z.string(),
  email: z.string(),
  telephone: z.string(),
  gender: z.string(),
  status: MemberStatus,
  mainDepartment: z.number().int().nullable(),
  departments: z.array(MemberDept),
  directLeader: z.array(z.string()),
  pending: PendingState.nullable().optional(),
});
export type Member = z.infer<typeof Member>;

/** Compact row for the renderer's in-memory search index. */
export const MemberIndexRow = z.object({
  userid: z.string(),
  name: z.string(),
  pinyin: z.string(),
  initials: z.string(),
  position: z.string(),
  status: MemberStatus,
  departmentIds: z.array(z.number().int()),
  /** Searched too (lowercased by the renderer); optional so older hosts and fixtures still fit. */
  mobile: z.string().optional(),
  email: z.string().optional(),
});
export type MemberIndexRow = z.infer<typeof MemberIndexRow>;

export const Tag = z.object({
  tagid: z.number().int(),
  tagname: z.string(),
  memberCount: z.number().int(),
  departmentCount: z.number().int(),
  pending: PendingState.nullable().optional(),
});
export type Tag = z.infer<typeof Tag>;

export const SyncState = z.object({
  lastSyncAt: z.string().nullable(),
  departments: z.number().int(),
  members: z.number().int(),
  tags: z.number().int(),
  runningJobId: z.string().nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** The six fixed top groups of the hospital, in their pinned order. */
export const TOP_GROUPS = ['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室'] as const;
