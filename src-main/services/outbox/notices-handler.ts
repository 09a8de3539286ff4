import { stat } from 'node:fs/promises';
import type {
  MediaUploadCall,
  MessageContent,
  MessageRecallCall,
  MessageSendCall,
} from '../../contract/message-calls';
import type { NoticesRepo } from '../../db/repos/notices-repo';
import { MEDIA_TTL_S } from '../../domain/message-limits';
import { uploadMedia } from '../../wecom/endpoints/media';
import { recallMessage, sendMessage } from '../../wecom/endpoints/messages';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { AttachmentStore } from '../notices/attachment-store';
import { NotSentError, type OutboxHandler, type Reconciled, type SendResult } from './handler';

type NoticeCall = MessageSendCall | MessageRecallCall | MediaUploadCall;

/** A media_id is reused while it has this long left of its 3 days, so a send never meets 40007. */
export const MEDIA_REUSE_MARGIN_S = 6 * 3600;
/** A re-send is trusted to the duplicate check only well inside its interval. */
const DUPLICATE_MARGIN_MS = 5 * 60_000;

function parseRef(ref: string): { sha256: string; filename: string } | null {
  const m = /^att:([0-9a-f]{64})\/(.+)$/.exec(ref);
  return m ? { sha256: m[1]!, filename: decodeURIComponent(m[2]!) } : null;
}

export interface NoticesHandlerDeps {
  http: WecomHttp;
  cred: Credential;
  corpId: string;
  repo: NoticesRepo;
  files: AttachmentStore;
  nowMs: () => number;
}

/**
 * Sends notices' uploads and messages. An upload whose outcome is unknown is simply done again (a
 * second media_id is harmless). A message/send is always sent with WeCom's duplicate check and a body
 * that repeats byte for byte, so while the check's interval lasts, sending it again is how we learn
 * it arrived without delivering twice. Past the interval nothing can be learnt or safely re-sent: the
 * row is settled as "可能已发送" and never sent again.
 */
export function noticesHandler(d: NoticesHandlerDeps): OutboxHandler<NoticeCall> {
  const media = async (ref: string, type: MediaUploadCall['type']): Promise<string> => {
    const a = parseRef(ref);
    if (!a) return ref;
    const notBefore = Math.floor(d.nowMs() / 1000) - (MEDIA_TTL_S - MEDIA_REUSE_MARGIN_S);
    const m = await d.repo.media(d.corpId, a.sha256, type, a.filename, notBefore);
    if (!m)
      throw new NotSentError('DEPENDENCY_FAILED', `附件「${a.filename}」未能上传到企业微信，通知未发送`);
    return m.mediaId;
  };

  const withMedia = async (c: MessageContent): Promise<MessageContent> => {
    switch (c.type) {
      case 'image':
      case 'voice':
      case 'file':
      case 'video':
        return { ...c, mediaId: await media(c.mediaId, c.type) };
      case 'mpnews': {
        const articles = [];
        for (const a of c.articles)
          articles.push({ ...a, thumbMediaId: await media(a.thumbMediaId, 'image') });
        return { ...c, articles };
      }
      default:
        return c;
    }
  };

  const sendMsg = async (call: MessageSendCall): Promise<SendResult> => {
    const r = await sendMessage(d.http, d.cred, { ...call, content: await withMedia(call.content) });
    return { remoteId: null, response: { ...r } };
  };

  const upload = async (call: MediaUploadCall): Promise<SendResult> => {
    const path = d.files.pathOf(call.sha256);
    const size = await stat(path).then(
      (s) => s.size,
      () => {
        throw new NotSentError('NOT_FOUND', `附件「${call.filename}」在本机找不到了，请重新添加后再发送`);
      },
    );
    const r = await uploadMedia(d.http, d.cred, call.type, call.filename, { path, size });
    // the attachment row may be missing when the file was stored by an older run
    await d.repo.putAttachment(call.sha256, size, call.type, new Date(d.nowMs()).toISOString());
    await d.repo.putMedia(d.corpId, call.sha256, call.type, call.filename, r.mediaId, r.createdAt);
    return { remoteId: null, response: { mediaId: r.mediaId, createdAt: r.createdAt } };
  };

  return {
    family: 'message',
    send: async (call) => {
      if (call.kind === 'media.upload') return upload(call);
      if (call.kind === 'message.send') return sendMsg(call);
      await recallMessage(d.http, d.cred, call.msgid);
      return { remoteId: null, response: { recalled: call.msgid } };
    },
    async reconcile(call, attempt): Promise<Reconciled> {
      // an upload done twice only makes a second media_id; a recall sent again recalls nothing new
      if (call.kind !== 'message.send') return { applied: false };
      const sentAt = attempt ? Date.parse(attempt.sentAt) : NaN;
      const windowMs = call.duplicateCheckInterval * 1000 - DUPLICATE_MARGIN_MS;
      if (Number.isFinite(sentAt) && d.nowMs() - sentAt < windowMs) {
        const r = await sendMsg(call);
        return {
          applied: true,
          remoteId: null,
          note: '已在企业微信的重复检查时间内确认，未重复投递',
          response: r.response as Record<string, unknown>,
        };
      }
      return {
        applied: true,
        remoteId: null,
        note: '可能已发送：已超出企业微信的重复检查时间，为避免重复投递不再重发',
      };
    },
    meansApplied: () => false,
  };
}
