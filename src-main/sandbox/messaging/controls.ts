import { asInt, asIntArray, asStringArray } from '../coerce';
import type { SandboxState } from '../state';
import type { Messaging } from './index';

/**
 * /__sandbox/* endpoints of the message side, for e2e and the demo's 成员手机预览:
 *   GET  /__sandbox/inbox?userid=…          what a member's phone received
 *   POST /__sandbox/clock {advanceSeconds}   move the sandbox clock forward
 *   POST /__sandbox/visible-range {agentid, users?, partys?, tags?}   set an app's 可见范围
 *   GET  /__sandbox/media?media_id=…         an uploaded file's type, name and size
 *   GET  /__sandbox/messages/stats           deliveries dropped by pacing, media uploads
 * Returns undefined for routes that are not its own.
 */
export function handleMessagingControl(
  messaging: Messaging,
  state: SandboxState,
  route: string,
  url: URL,
  bodyText: string,
): Record<string, unknown> | undefined {
  const body = (): Record<string, unknown> => {
    const parsed: unknown = bodyText === '' ? {} : JSON.parse(bodyText);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be a JSON object');
    return parsed as Record<string, unknown>;
  };
  switch (route) {
    case 'GET /__sandbox/inbox': {
      const userid = url.searchParams.get('userid') ?? '';
      if (!state.getUser(userid)) throw new Error(`no member ${userid}`);
      return { userid: state.getUser(userid)!.userid, messages: messaging.log.inbox(userid) };
    }
    case 'POST /__sandbox/clock': {
      messaging.clock.advance(Number(body().advanceSeconds));
      return { ok: true, now: messaging.clock.nowS() };
    }
    case 'POST /__sandbox/visible-range': {
      const b = body();
      const agentid = asInt(b.agentid);
      if (agentid === undefined) throw new Error('agentid required');
      messaging.ranges.set(agentid, {
        users: asStringArray(b.users ?? []) ?? [],
        partys: asIntArray(b.partys ?? []) ?? [],
        tags: asIntArray(b.tags ?? []) ?? [],
      });
      return { ok: true };
    }
    case 'GET /__sandbox/media': {
      const m = messaging.media.get(url.searchParams.get('media_id') ?? '');
      if (!m) throw new Error('no such media (or expired)');
      return { mediaId: m.mediaId, type: m.type, filename: m.filename, size: m.data.length };
    }
    case 'GET /__sandbox/messages/stats':
      return { ok: true, dropped: messaging.log.dropped, uploads: messaging.media.uploads };
    default:
      return undefined;
  }
}
