import { z } from 'zod';

/**
 * The notice side's outbox calls: domain shapes, not wire bodies (src-main/wecom/endpoints/messages.ts
 * and media.ts build those). A message's content is what the clerk composed; its media are referred to
 * by content hash until uploaded, and by WeCom media_id in the call that sends them.
 */

const Article = z.object({
  title: z.string(),
  description: z.string().default(''),
  url: z.string().default(''),
  picUrl: z.string().default(''),
});

const MpArticle = z.object({
  title: z.string(),
  thumbMediaId: z.string(),
  author: z.string().default(''),
  contentSourceUrl: z.string().default(''),
  /** sanitised HTML, inline images already on uploadimg URLs */
  content: z.string(),
  digest: z.string().default(''),
});

export const MessageContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: z.string() }),
  z.object({ type: z.literal('markdown'), content: z.string() }),
  z.object({ type: z.literal('image'), mediaId: z.string() }),
  z.object({ type: z.literal('voice'), mediaId: z.string() }),
  z.object({ type: z.literal('file'), mediaId: z.string() }),
  z.object({
    type: z.literal('video'),
    mediaId: z.string(),
    title: z.string().default(''),
    description: z.string().default(''),
  }),
  z.object({
    type: z.literal('textcard'),
    title: z.string(),
    description: z.string(),
    url: z.string(),
    btntxt: z.string().default(''),
  }),
  z.object({ type: z.literal('news'), articles: z.array(Article) }),
  z.object({ type: z.literal('mpnews'), articles: z.array(MpArticle) }),
  z.object({
    type: z.literal('textNotice'),
    title: z.string(),
    description: z.string().default(''),
    url: z.string(),
    sourceDesc: z.string().default(''),
  }),
]);
export type MessageContent = z.infer<typeof MessageContent>;

export const Recipients = z.object({
  all: z.boolean().default(false),
  userids: z.array(z.string()).default([]),
  departmentIds: z.array(z.number().int()).default([]),
  tagIds: z.array(z.number().int()).default([]),
});
export type Recipients = z.infer<typeof Recipients>;

export const MessageSendCall = z.object({
  kind: z.literal('message.send'),
  agentid: z.number().int(),
  to: Recipients,
  content: MessageContent,
  /** 0 shareable, 1 保密 (no sharing, watermark), 2 company-only (mpnews) */
  safe: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  /** seconds WeCom suppresses an identical body; covers every retry of this call */
  duplicateCheckInterval: z.number().int().min(0).max(14400),
});
export type MessageSendCall = z.infer<typeof MessageSendCall>;

/** message/recall (≤ 24 h after sending). */
export const MessageRecallCall = z.object({
  kind: z.literal('message.recall'),
  agentid: z.number().int(),
  msgid: z.string().min(1),
});
export type MessageRecallCall = z.infer<typeof MessageRecallCall>;

export const MediaUploadCall = z.object({
  kind: z.literal('media.upload'),
  type: z.enum(['image', 'voice', 'video', 'file']),
  /** content hash of the stored attachment (sha256 hex) */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** shown to recipients as the file's name: sent as raw UTF-8 */
  filename: z.string().min(1).max(255),
});
export type MediaUploadCall = z.infer<typeof MediaUploadCall>;
