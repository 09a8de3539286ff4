import {
  DUPLICATE_CHECK_DEFAULT_S,
  DUPLICATE_CHECK_MAX_S,
  MAX_TO_PARTIES,
  MAX_TO_TAGS,
  MAX_TO_USERS,
} from '../../domain/message-limits';
import { asInt } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import { msgError } from '../messaging/errmsgs';
import { validateMessage } from '../messaging/message-validate';
import { expandRecipients, splitBar } from '../messaging/recipients';

/** The app behind the token must be the one named in the body (301002); contacts tokens get 48002 earlier. */
function senderAgent(ctx: Ctx): number {
  if (ctx.principal.kind !== 'app') throw msgError(48002);
  if (ctx.body.agentid === undefined || ctx.body.agentid === '') throw msgError(41011);
  const agentid = asInt(ctx.body.agentid);
  if (agentid !== ctx.principal.agentid) throw msgError(301002);
  return agentid;
}

export function messageSend(ctx: Ctx): HandlerResult {
  const { state, messaging } = ctx;
  const agentid = senderAgent(ctx);
  const users = splitBar(ctx.body.touser);
  const parties = splitBar(ctx.body.toparty);
  const tags = splitBar(ctx.body.totag);
  if (users.length === 0 && parties.length === 0 && tags.length === 0) throw msgError(82001);
  if (users.length > MAX_TO_USERS) throw msgError(40032);
  if (parties.length > MAX_TO_PARTIES) throw msgError(82002);
  if (tags.length > MAX_TO_TAGS) throw msgError(82003);
  const msg = validateMessage(ctx.body, messaging.media);

  const to = expandRecipients(state, messaging.ranges, agentid, users, parties, tags);
  const lists = {
    invaliduser: to.invaliduser.join('|'),
    invalidparty: to.invalidparty.join('|'),
    invalidtag: to.invalidtag.join('|'),
    unlicenseduser: '',
  };
  // the real 81013 body still carries the invalid lists (NOTES.md)
  if (!to.anyValid) throw msgError(81013, lists);

  if (asInt(ctx.body.enable_duplicate_check) === 1) {
    const asked = asInt(ctx.body.duplicate_check_interval) ?? DUPLICATE_CHECK_DEFAULT_S;
    const interval = Math.min(Math.max(asked, 0), DUPLICATE_CHECK_MAX_S);
    // an identical body within the interval is accepted and not delivered again; we answer with
    // the first send's msgid (the docs do not say which msgid comes back)
    const earlier = messaging.log.duplicateOf(agentid, ctx.rawBody, interval);
    if (earlier !== undefined) return { ...lists, msgid: earlier };
  }
  // members who have not joined (status 4) or are disabled (2, 5) have no client to receive it
  const receivers = [...to.members].filter((k) => state.getUser(k)?.status === 1);
  const msgid = messaging.log.deliver(agentid, ctx.rawBody, msg, receivers);
  return { ...lists, msgid };
}

export function messageRecall(ctx: Ctx): HandlerResult {
  if (ctx.principal.kind !== 'app') throw msgError(48002);
  const msgid = typeof ctx.body.msgid === 'string' ? ctx.body.msgid : '';
  if (msgid === '') throw msgError(40058);
  switch (ctx.messaging.log.recall(ctx.principal.agentid, msgid)) {
    case 'ok':
      return {};
    case 'other-app':
      throw msgError(301002);
    case 'expired':
      throw msgError(42052);
    case 'unknown':
      throw msgError(40058);
  }
}
