import { z } from 'zod';
import { MessageContent, Recipients } from './message-calls';

/** A file the clerk attached, kept in the data folder by content hash until it is uploaded. */
export const AttachmentRef = z.object({
  sha256: z
    .string()
    .length(64)
    .regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1).max(255),
  type: z.enum(['image', 'voice', 'video', 'file']),
  size: z.number().int().min(0),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** Content refers to an attachment as `att:<sha256>/<filename>` wherever WeCom wants a media_id. */
export const ATTACHMENT_PREFIX = 'att:';

export function attachmentRef(sha256: string, filename: string): string {
  return `${ATTACHMENT_PREFIX}${sha256}/${encodeURIComponent(filename)}`;
}

export const NoticeMeta = z.object({
  /** 发文机关; its 文号 pattern numbers the register entry */
  issuer: z.string().max(40).default(''),
  secrecy: z.enum(['公开', '内部', '秘密']).default('内部'),
  urgency: z.enum(['普通', '加急', '特急']).default('普通'),
  drafter: z.string().max(40).default(''),
  reviewer: z.string().max(40).default(''),
  signer: z.string().max(40).default(''),
});
export type NoticeMeta = z.infer<typeof NoticeMeta>;

export const NoticeBody = z.object({
  agentid: z.number().int(),
  title: z.string().max(200),
  content: MessageContent,
  attachments: z.array(AttachmentRef).max(20).default([]),
  recipients: Recipients,
  safe: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  meta: NoticeMeta.default(NoticeMeta.parse({})),
});
export type NoticeBody = z.infer<typeof NoticeBody>;

export const NoticeStatus = z.enum([
  'scheduled',
  'sending',
  'sent',
  'partial',
  'failed',
  'recalled',
  'cancelled',
]);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** 发文登记: one sent (or sending) notice. */
export const NoticeEntry = z.object({
  id: z.number().int(),
  docNo: z.string().nullable(),
  title: z.string(),
  issuer: z.string(),
  agentid: z.number().int(),
  headCount: z.number().int(),
  status: NoticeStatus,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  msgids: z.array(z.string()),
  invalidUsers: z.array(z.string()),
  failedCalls: z.number().int(),
  recallReason: z.string().nullable(),
  batchId: z.number().int().nullable(),
});
export type NoticeEntry = z.infer<typeof NoticeEntry>;

/** A draft may be incomplete: every part of a notice is optional until it is sent. */
export const DraftBody = NoticeBody.partial();
export type DraftBody = z.infer<typeof DraftBody>;

export const DraftView = z.object({
  id: z.number().int(),
  isTemplate: z.boolean(),
  title: z.string(),
  body: DraftBody,
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof DraftView>;

const Person = z.object({ userid: z.string(), name: z.string() });

/**
 * 「共 693 人，其中 12 人未激活收不到，3 人已停用」 and the people behind each number (the first 200 of each
 * list). `synced` false: the cache does not hold this corp, nothing could be counted.
 */
export const HeadCountView = z.object({
  synced: z.boolean(),
  total: z.number().int(),
  receiving: z.number().int(),
  notJoined: z.array(Person),
  disabled: z.array(Person),
  outsideRange: z.array(Person),
  unknownUsers: z.array(z.string()),
  unknownDepartments: z.array(z.number().int()),
  unknownTags: z.array(z.number().int()),
});
export type HeadCountView = z.infer<typeof HeadCountView>;

export const SendReportView = z.object({
  notice: NoticeEntry,
  headCount: HeadCountView.nullable(),
  repeated: z.boolean(),
});
export type SendReportView = z.infer<typeof SendReportView>;
