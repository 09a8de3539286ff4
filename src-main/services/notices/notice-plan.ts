import { createHash } from 'node:crypto';
import type { MediaUploadCall, MessageContent, MessageSendCall } from '../../contract/message-calls';
import type { NoticeBody } from '../../contract/notices';
import type { NewOutboxRow } from '../../db/repos/outbox-repo';
import { DUPLICATE_CHECK_MAX_S } from '../../domain/message-limits';
import { splitRecipients } from '../../domain/notice-split';
import { attachmentRef } from '../../contract/notices';

/** The same notice (app, content, recipients, 保密) has the same fingerprint: a repeated command finds it. */
export function fingerprintOf(n: NoticeBody): string {
  const basis = JSON.stringify([n.agentid, n.content, n.recipients, n.safe, n.attachments]);
  return createHash('sha256').update(basis).digest('hex');
}

/** The attachment refs a content names (`att:…`), by the media type WeCom needs for each. */
export function attachmentsNamed(c: MessageContent): { ref: string; type: MediaUploadCall['type'] }[] {
  switch (c.type) {
    case 'image':
    case 'voice':
    case 'file':
    case 'video':
      return [{ ref: c.mediaId, type: c.type }];
    case 'mpnews':
      return c.articles.map((a) => ({ ref: a.thumbMediaId, type: 'image' as const }));
    default:
      return [];
  }
}

/**
 * The outbox rows of one notice: an upload for each attachment WeCom does not hold a fresh media_id
 * for, then one message/send per recipient chunk. Every message asks for WeCom's duplicate check over
 * the longest interval (4 h), which covers any retry we make.
 */
export function noticeRows(
  n: NoticeBody,
  noticeId: number,
  needsUpload: (sha256: string, type: MediaUploadCall['type'], filename: string) => boolean,
  expand: () => string[],
): NewOutboxRow[] {
  const rows: NewOutboxRow[] = [];
  const seen = new Set<string>();
  for (const { ref, type } of attachmentsNamed(n.content)) {
    const a = n.attachments.find((x) => attachmentRef(x.sha256, x.filename) === ref);
    if (!a || seen.has(`${type}:${ref}`) || !needsUpload(a.sha256, type, a.filename)) continue;
    seen.add(`${type}:${ref}`);
    const call: MediaUploadCall = { kind: 'media.upload', type, sha256: a.sha256, filename: a.filename };
    rows.push({
      call,
      family: 'media',
      entity: 'notice',
      key: String(noticeId),
      summary: `上传附件「${a.filename}」`,
      before: null,
      after: { size: a.size },
    });
  }
  const chunks = splitRecipients(n.recipients, expand);
  chunks.forEach((to, i) => {
    const call: MessageSendCall = {
      kind: 'message.send',
      agentid: n.agentid,
      to,
      content: n.content,
      safe: n.safe,
      duplicateCheckInterval: DUPLICATE_CHECK_MAX_S,
    };
    const part = chunks.length > 1 ? `（第 ${i + 1}/${chunks.length} 批）` : '';
    rows.push({
      call,
      family: 'message',
      entity: 'notice',
      key: String(noticeId),
      summary: `发送通知「${n.title || '（无标题）'}」${part}`,
      before: null,
      after: { to },
    });
  });
  return rows;
}
