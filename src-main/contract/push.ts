import { z } from 'zod';

/**
 * The push job's phases, in order, as `job.progressed` names them. `settle` comes first and only when
 * an earlier push left calls open (it finishes them before anything new is planned); the clerk sees the
 * four numbered steps: 1 拉取 → 2 检查冲突 → 3 写入 → 4 刷新.
 */
export const PushPhase = z.enum(['settle', 'pull', 'conflicts', 'apply', 'refresh']);
export type PushPhase = z.infer<typeof PushPhase>;

/** What a planned WeCom call does, for the confirmation summary (「2 个新部门、25 个排序、16 名成员」). */
export const PushCallKind = z.enum([
  'deptCreate',
  'deptMove',
  'deptRename',
  'deptOrder',
  'deptDelete',
  'memberCreate',
  'memberUpdate',
  'memberDelete',
  'tagCreate',
  'tagRename',
  'tagMembers',
  'tagDelete',
  'invite',
]);
export type PushCallKind = z.infer<typeof PushCallKind>;

/**
 * The calls a push would make now, planned against the local copy of WeCom (the push itself re-plans
 * after pulling, so the numbers can still move if someone edits WeCom meanwhile).
 */
export const PushPreview = z.object({
  /** Staged changes (gestures) not yet pushed. */
  changes: z.number().int(),
  /** WeCom calls planned for them. */
  calls: z.number().int(),
  byKind: z.array(z.object({ kind: PushCallKind, count: z.number().int() })),
  /** Calls of an earlier push still waiting to be sent or confirmed; the push finishes them first. */
  carried: z.number().int(),
  /** Calls an earlier push had refused and that still wait for 重试/跳过. */
  failed: z.number().int(),
  /** The target is the built-in demo sandbox, not a real corp. */
  demo: z.boolean(),
});
export type PushPreview = z.infer<typeof PushPreview>;

/** Facts about a failed call that make its reason concrete, e.g. who already holds a mobile (60104). */
export const OpFacts = z.object({
  mobile: z.string().optional(),
  email: z.string().optional(),
  holderUserid: z.string().optional(),
  holderName: z.string().optional(),
  holderDepartments: z.string().optional(),
});
export type OpFacts = z.infer<typeof OpFacts>;
