import type { MessageContent, MessageSendCall } from '../../contract/message-calls';
import type { WecomHttp } from '../http-client';
import type { Credential } from '../token-provider';
import { str } from './normalize';

/** The per-type object of a message/send body (API.md §4.1–4.2). */
function payloadOf(c: MessageContent): { msgtype: string; payload: Record<string, unknown> } {
  switch (c.type) {
    case 'text':
    case 'markdown':
      return { msgtype: c.type, payload: { content: c.content } };
    case 'image':
    case 'voice':
    case 'file':
      return { msgtype: c.type, payload: { media_id: c.mediaId } };
    case 'video':
      return {
        msgtype: 'video',
        payload: { media_id: c.mediaId, title: c.title, description: c.description },
      };
    case 'textcard': {
      const payload: Record<string, unknown> = { title: c.title, description: c.description, url: c.url };
      if (c.btntxt) payload.btntxt = c.btntxt;
      return { msgtype: 'textcard', payload };
    }
    case 'news':
      return {
        msgtype: 'news',
        payload: {
          articles: c.articles.map((a) => ({
            title: a.title,
            description: a.description,
            url: a.url,
            picurl: a.picUrl,
          })),
        },
      };
    case 'mpnews':
      return {
        msgtype: 'mpnews',
        payload: {
          articles: c.articles.map((a) => ({
            title: a.title,
            thumb_media_id: a.thumbMediaId,
            author: a.author,
            content_source_url: a.contentSourceUrl,
            content: a.content,
            digest: a.digest,
          })),
        },
      };
    case 'textNotice':
      return {
        msgtype: 'template_card',
        payload: {
          card_type: 'text_notice',
          ...(c.sourceDesc ? { source: { desc: c.sourceDesc } } : {}),
          main_title: { title: c.title, ...(c.description ? { desc: c.description } : {}) },
          card_action: { type: 1, url: c.url },
        },
      };
  }
}

/**
 * The message/send body. Deterministic — same call, same bytes — because WeCom's duplicate check
 * compares bodies: a re-sent call must match the first attempt exactly to be suppressed.
 */
export function messageBody(call: MessageSendCall): Record<string, unknown> {
  const { msgtype, payload } = payloadOf(call.content);
  const body: Record<string, unknown> = {};
  if (call.to.all) body.touser = '@all';
  else {
    if (call.to.userids.length > 0) body.touser = call.to.userids.join('|');
    if (call.to.departmentIds.length > 0) body.toparty = call.to.departmentIds.join('|');
    if (call.to.tagIds.length > 0) body.totag = call.to.tagIds.join('|');
  }
  body.msgtype = msgtype;
  body.agentid = call.agentid;
  body[msgtype] = payload;
  if (call.safe !== 0) body.safe = call.safe;
  body.enable_duplicate_check = 1;
  body.duplicate_check_interval = call.duplicateCheckInterval;
  return body;
}

export interface SendOutcome {
  msgid: string;
  /** lower-cased by WeCom */
  invalidUsers: string[];
  invalidDepartments: number[];
  invalidTags: number[];
}

const bar = (v: unknown): string[] =>
  str(v)
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Sends one message. Never re-sent by the transport when its outcome is unknown. */
export async function sendMessage(
  http: WecomHttp,
  cred: Credential,
  call: MessageSendCall,
): Promise<SendOutcome> {
  const r = await http.post(cred, 'message/send', messageBody(call), 'message');
  return {
    msgid: str(r.msgid),
    invalidUsers: bar(r.invaliduser),
    invalidDepartments: bar(r.invalidparty).map(Number),
    invalidTags: bar(r.invalidtag).map(Number),
  };
}

/** message/recall (≤ 24 h). Recalling twice answers an error, so a retry is not harmless. */
export async function recallMessage(http: WecomHttp, cred: Credential, msgid: string): Promise<void> {
  await http.post(cred, 'message/recall', { msgid }, 'message');
}

export interface AgentRange {
  userids: string[];
  departmentIds: number[];
  tagIds: number[];
}

/** agent/get: the app's 可见范围, to flag recipients it cannot reach. */
export async function agentRange(http: WecomHttp, cred: Credential, agentid: number): Promise<AgentRange> {
  const r = await http.get(cred, 'agent/get', { agentid }, 'contacts-read');
  const users = (r.allow_userinfos as { user?: { userid?: unknown }[] } | undefined)?.user ?? [];
  const parties = (r.allow_partys as { partyid?: unknown[] } | undefined)?.partyid ?? [];
  const tags = (r.allow_tags as { tagid?: unknown[] } | undefined)?.tagid ?? [];
  return {
    userids: users.map((u) => str(u.userid)).filter((s) => s !== ''),
    departmentIds: parties.map(Number).filter(Number.isFinite),
    tagIds: tags.map(Number).filter(Number.isFinite),
  };
}
