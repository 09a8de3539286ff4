import {
  FIELD_BYTES,
  MAX_ARTICLES,
  MSG_TYPES,
  SAFE_TYPES,
  utf8Bytes,
  type MediaType,
  type MsgType,
} from '../../domain/message-limits';
import { asInt } from '../coerce';
import { msgError } from './errmsgs';
import type { MediaStore } from './media-store';

export interface ValidMessage {
  msgtype: MsgType;
  payload: Record<string, unknown>;
  safe: number;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

function maxBytes(v: unknown, limit: number, errcode = 45002): void {
  if (utf8Bytes(str(v)) > limit) throw msgError(errcode);
}

/** A media_id that exists, is younger than 3 days and is of the kind the message needs. */
function media(store: MediaStore, id: unknown, kinds: readonly MediaType[] | 'any'): void {
  const m = store.get(str(id));
  if (!m || (kinds !== 'any' && !kinds.includes(m.type))) throw msgError(40007);
}

function article(a: unknown, mp: boolean, store: MediaStore): void {
  if (!isObj(a)) throw msgError(40058);
  if (str(a.title) === '') throw msgError(41016);
  maxBytes(a.title, FIELD_BYTES.title);
  if (mp) {
    media(store, a.thumb_media_id, ['image']);
    if (str(a.content) === '') throw msgError(44004);
    maxBytes(a.content, FIELD_BYTES.mpnewsContent);
    maxBytes(a.author, FIELD_BYTES.mpnewsAuthor, 45032);
    maxBytes(a.digest, FIELD_BYTES.digest);
    return;
  }
  maxBytes(a.description, FIELD_BYTES.description);
  maxBytes(a.url, FIELD_BYTES.url);
  if (str(a.url) === '' && (str(a.appid) === '' || str(a.pagepath) === '')) throw msgError(40058);
}

function articles(p: Obj, mp: boolean, store: MediaStore): void {
  const list = p.articles;
  if (!Array.isArray(list) || list.length === 0) throw msgError(40058);
  if (list.length > MAX_ARTICLES) throw msgError(45008);
  for (const a of list) article(a, mp, store);
}

function templateCard(p: Obj): void {
  // the text_notice basics (API.md §4.2); other card types are not used by the app
  if (p.card_type !== 'text_notice') throw msgError(40058);
  const main = isObj(p.main_title) ? p.main_title : {};
  if (str(main.title) === '' && str(p.sub_title_text) === '') throw msgError(40058);
  if (!isObj(p.card_action)) throw msgError(40058);
}

function payloadChecks(msgtype: MsgType, p: Obj, store: MediaStore): void {
  switch (msgtype) {
    case 'text':
    case 'markdown':
      if (str(p.content) === '') throw msgError(44004);
      return maxBytes(p.content, FIELD_BYTES.text);
    case 'image':
      return media(store, p.media_id, ['image']);
    case 'voice':
      return media(store, p.media_id, ['voice']);
    case 'file':
      return media(store, p.media_id, 'any');
    case 'video':
      // title and description are truncated by WeCom, not refused
      return media(store, p.media_id, ['video']);
    case 'textcard':
      if (str(p.title) === '') throw msgError(41016);
      if (str(p.description) === '') throw msgError(41033);
      if (!/^https?:\/\//.test(str(p.url))) throw msgError(40058);
      maxBytes(p.title, FIELD_BYTES.title);
      maxBytes(p.description, FIELD_BYTES.description);
      return maxBytes(p.url, FIELD_BYTES.url);
    case 'news':
      return articles(p, false, store);
    case 'mpnews':
      return articles(p, true, store);
    case 'template_card':
      return templateCard(p);
  }
}

/** Checks a message/send body's content (not its recipients) in WeCom's order of errcodes. */
export function validateMessage(body: Obj, store: MediaStore): ValidMessage {
  const msgtype = str(body.msgtype) as MsgType;
  if (!MSG_TYPES.includes(msgtype)) throw msgError(40008);
  const safe = body.safe === undefined ? 0 : asInt(body.safe);
  if (safe === undefined || safe < 0 || safe > 2) throw msgError(40058);
  if (msgtype === 'news' && safe !== 0) throw msgError(40074);
  if (safe === 2 && msgtype !== 'mpnews') throw msgError(40058);
  const payload = body[msgtype];
  if (!isObj(payload)) throw msgError(msgtype === 'text' || msgtype === 'markdown' ? 44004 : 40058);
  payloadChecks(msgtype, payload, store);
  return { msgtype, payload, safe: SAFE_TYPES.includes(msgtype) ? safe : 0 };
}
