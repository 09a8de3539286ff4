import { APPS } from '../credentials';
import { asInt } from '../coerce';
import type { Ctx, HandlerResult } from '../context';
import { msgError } from '../messaging/errmsgs';

/** agent/get: an app reads its own settings and 可见范围 (allow_userinfos / allow_partys / allow_tags). */
export function agentGet(ctx: Ctx): HandlerResult {
  const agentid = asInt(ctx.query.get('agentid'));
  if (agentid === undefined) throw msgError(41011);
  if (ctx.principal.kind !== 'app' || ctx.principal.agentid !== agentid) throw msgError(301002);
  const def = APPS.find((a) => a.agentid === agentid);
  const range = ctx.messaging.ranges.get(agentid);
  return {
    agentid,
    name: def?.name ?? '',
    square_logo_url: '',
    description: '',
    allow_userinfos: { user: range.users.map((userid) => ({ userid })) },
    allow_partys: { partyid: range.partys },
    allow_tags: { tagid: range.tags },
    close: 0,
    redirect_domain: '',
    report_location_flag: 0,
    isreportenter: 0,
    home_url: '',
    customized_publish_status: 0,
  };
}
