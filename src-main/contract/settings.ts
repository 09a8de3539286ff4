import { z } from 'zod';

export const AppPurpose = z.enum(['小助手', '学科公告', '会议助手', '云盘']);
export type AppPurpose = z.infer<typeof AppPurpose>;

export const CorpIdInput = z
  .string()
  .trim()
  .min(1, '请填写企业ID')
  .max(64, '企业ID过长')
  .regex(/^[0-9A-Za-z_-]+$/, '企业ID只能包含字母和数字');

const SecretInput = z
  .string()
  .trim()
  .min(1, '请填写 Secret')
  .max(256, 'Secret 过长')
  .regex(/^[0-9A-Za-z_-]+$/, 'Secret 只能包含字母、数字、下划线和短横线');

export const AppConfigInput = z.object({
  name: z.string().trim().min(1, '请填写应用名称').max(64),
  purpose: AppPurpose,
  agentid: z.number().int().positive('AgentId 必须是正整数'),
  /** Omitted = keep the stored secret for this agentid. */
  secret: SecretInput.optional(),
});
export type AppConfigInput = z.infer<typeof AppConfigInput>;

export const ProfileInput = z.object({
  corpId: CorpIdInput,
  /** Omitted = keep the stored secret. */
  contactsSecret: SecretInput.optional(),
  apps: z.array(AppConfigInput).max(20),
  /** Switch corps although the current one has unpushed work (kept for it, never sent elsewhere). */
  confirmCorpSwitch: z.boolean().optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const ProfileView = z.object({
  mode: z.enum(['demo', 'corp']),
  corpId: z.string(),
  contactsSecretSet: z.boolean(),
  apps: z.array(
    z.object({ name: z.string(), purpose: AppPurpose, agentid: z.number().int(), secretSet: z.boolean() }),
  ),
  apiBase: z.string(),
  secretStore: z.enum(['safeStorage', 'memory', 'environment']),
});
export type ProfileView = z.infer<typeof ProfileView>;

export const ConnectionCheck = z.object({
  target: z.string(),
  label: z.string(),
  ok: z.boolean(),
  code: z.string().nullable(),
  errcode: z.number().int().nullable(),
  ip: z.string().nullable(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** 「测试连接」 of the form as typed, unsaved: omitted secrets mean the saved ones. */
export const ConnectionDraft = ProfileInput.omit({ confirmCorpSwitch: true });
export type ConnectionDraft = z.infer<typeof ConnectionDraft>;
