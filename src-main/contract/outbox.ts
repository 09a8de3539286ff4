import { z } from 'zod';
import { MediaUploadCall, MessageRecallCall, MessageSendCall } from './message-calls';
import { OpFacts } from './push';

/**
 * What the outbox records: domain calls, not wire bodies. Only src-main/wecom/ turns a call into
 * WeCom's snake_case request, so a stored row means the same thing whatever the wire later looks like.
 * Departments and tags created in the same batch are referred to by their local (negative) ids; the
 * outbox resolves them from that batch's own creates, never from another batch.
 */

const DeptLink = z.object({
  departmentId: z.number().int(),
  order: z.number().int().min(0),
  isLeader: z.boolean(),
});

/** Every member field WeCom stores and the app writes; empty strings mean "not set". */
export const MemberCallFields = z.object({
  name: z.string(),
  alias: z.string(),
  mobile: z.string(),
  email: z.string(),
  telephone: z.string(),
  position: z.string(),
  gender: z.enum(['0', '1', '2']),
  enable: z.boolean(),
  departments: z.array(DeptLink),
  mainDepartment: z.number().int(),
  directLeader: z.array(z.string()),
});
export type MemberCallFields = z.infer<typeof MemberCallFields>;

export const ContactsCall = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dept.create'),
    localId: z.number().int().negative(),
    name: z.string(),
    parentId: z.number().int(),
    order: z.number().int(),
  }),
  z.object({
    kind: z.literal('dept.update'),
    id: z.number().int(),
    name: z.string().optional(),
    parentId: z.number().int().optional(),
    order: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('dept.delete'), id: z.number().int() }),
  z.object({ kind: z.literal('member.create'), userid: z.string(), fields: MemberCallFields }),
  z.object({ kind: z.literal('member.update'), userid: z.string(), fields: MemberCallFields.partial() }),
  z.object({ kind: z.literal('member.delete'), userid: z.string() }),
  z.object({ kind: z.literal('tag.create'), localId: z.number().int().negative(), name: z.string() }),
  z.object({ kind: z.literal('tag.update'), tagid: z.number().int(), name: z.string() }),
  z.object({ kind: z.literal('tag.delete'), tagid: z.number().int() }),
  z.object({
    kind: z.literal('tag.addMembers'),
    tagid: z.number().int(),
    userids: z.array(z.string()),
    departmentIds: z.array(z.number().int()),
  }),
  z.object({
    kind: z.literal('tag.removeMembers'),
    tagid: z.number().int(),
    userids: z.array(z.string()),
    departmentIds: z.array(z.number().int()),
  }),
  /** 邀请成员加入 (batch/invite), ≤1000 userids per call. */
  z.object({ kind: z.literal('member.invite'), userids: z.array(z.string()) }),
]);
export type ContactsCall = z.infer<typeof ContactsCall>;
export type ContactsCallKind = ContactsCall['kind'];
export type CallOf<K extends ContactsCallKind> = Extract<ContactsCall, { kind: K }>;

/** Every kind the outbox can hold; vault and meetings add theirs here. */
export const OutboxCall = z.union([ContactsCall, MessageSendCall, MessageRecallCall, MediaUploadCall]);
export type OutboxCall = ContactsCall | MessageSendCall | MessageRecallCall | MediaUploadCall;

export function isContactsCall(c: OutboxCall): c is ContactsCall {
  return c.kind !== 'message.send' && c.kind !== 'message.recall' && c.kind !== 'media.upload';
}

/**
 * pending: recorded, not sent. sending: claimed and (maybe) sent — its outcome is read back from WeCom
 * before anything else happens to it. done: applied. failed: WeCom refused it. skipped: the clerk
 * chose not to send it (or to take WeCom's state instead).
 */
export const OutboxStatus = z.enum(['pending', 'sending', 'done', 'failed', 'skipped']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxOp = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  seq: z.number().int(),
  kind: z.string(),
  summary: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  errcode: z.number().int().nullable(),
  /** WeCom's or the app's own words on why the row failed, for the clerk. */
  reason: z.string().nullable(),
  updatedAt: z.string(),
  /** Set on some failed rows to make the reason concrete (e.g. who holds a mobile, 60104). */
  facts: OpFacts.optional(),
});
export type OutboxOp = z.infer<typeof OutboxOp>;
