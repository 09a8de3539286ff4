import { z } from 'zod';

/**
 * The notice side's outbox calls: domain shapes, not wire bodies (src-main/wecom/endpoints/messages.ts
 * and media.ts build those). A message's content is what the clerk composed; its media are referred to
 * by content hash until uploaded, and by WeCom media_id in the call that sends them.
 */

/** Input bounds (the trust boundary): WeCom's own limits are checked by the domain rules, in words. */
const short = () => z.string().max(4096);
const body = () => z.string().max(700_000);
const id = () => z.string().max(512);

const Article = z.object({
  title: short(),
  description: short().default(''),
  url: short().default(''),
  picUrl: short().default(''),
});

const MpArticle = z.object({
  title: short(),
  thumbMediaId: id(),
  author: short().default(''),
  contentSourceUrl: short().default(''),
  /** sanitised HTML, inline images already on uploadimg URLs */
  content: body(),
  digest: short().default(''),
});

export const MessageContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: short() }),
  z.object({ type: z.literal('markdown'), content: short() }),
  z.object({ type: z.literal('image'), mediaId: id() }),
  z.object({ type: z.literal('voice'), mediaId: id() }),
  z.object({ type: z.literal('file'), mediaId: id() }),
  z.object({
    type: z.literal('video'),
    mediaId: id(),
    title: short().default(''),
    description: short().default(''),
  }),
  z.object({
    type: z.literal('textcard'),
    title: short(),
    description: short(),
    url: short(),
    btntxt: short().default(''),
  }),
  z.object({ type: z.literal('news'), articles: z.array(Article) }),
  z.object({ type: z.literal('mpnews'), articles: z.array(MpArticle) }),
  z.object({
    type: z.literal('textNotice'),
    title: short(),
    description: short().default(''),
    url: short(),
    sourceDesc: short().default(''),
  }),
]);
export type MessageContent = z.infer<typeof MessageContent>;

export const Recipients = z.object({
  all: z.boolean().default(false),
  userids: z.array(z.string().max(64)).default([]),
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
  msgid: id().min(1),
});
export type MessageRecallCall = z.infer<typeof MessageRecallCall>;

export const MediaUploadCall = z.object({
  kind: z.literal('media.upload'),
  type: z.enum(['image', 'voice', 'video', 'file']),
  /** content hash of the stored attachment (sha256 hex) */
  sha256: short().regex(/^[0-9a-f]{64}$/),
  /** shown to recipients as the file's name: sent as raw UTF-8 */
  filename: short().min(1).max(255),
});
export type MediaUploadCall = z.infer<typeof MediaUploadCall>;
