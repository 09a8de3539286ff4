import type { Recipients } from '../../contract/message-calls';
import type { NoticesRepo, NoticeRow } from '../../db/repos/notices-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import { earliestSend } from '../../domain/notice-pacing';
import { headCount, reachedUserids } from '../../domain/notice-recipients';
import type { CacheSnapshot } from '../../domain/org-cache';

/**
 * When a notice may go without any of its members passing WeCom's per-app limits (30 a minute,
 * 1,000 an hour, the excess dropped silently): this app's notices of the last hour, from our own
 * register, expanded to people with the cache. Without a cache of this corp nothing can be
 * expanded and the notice goes at once.
 */
export async function pacedUntil(
  d: { repo: NoticesRepo; org: OrgRepo },
  corpId: string,
  notice: NoticeRow,
  nowMs: number,
): Promise<number> {
  if ((await d.org.cacheCorp()) !== corpId) return nowMs;
  const earlier = await d.repo.sentSince(corpId, notice.agentid, new Date(nowMs - 3_600_000).toISOString());
  if (earlier.length === 0) return nowMs;
  const snap = await d.org.loadSnapshot();
  const times = new Map<string, number[]>();
  for (const n of earlier) {
    if (n.id === notice.id || n.sentAt === null) continue;
    const at = Date.parse(n.sentAt);
    for (const u of people(snap, n.recipients as Recipients)) {
      let list = times.get(u);
      if (!list) times.set(u, (list = []));
      list.push(at);
    }
  }
  return earliestSend(people(snap, notice.recipients as Recipients), (u) => times.get(u) ?? [], nowMs);
}

function people(snap: CacheSnapshot, to: Recipients): string[] {
  const h = headCount(snap, to);
  return reachedUserids(h).map((u) => u.toLowerCase());
}
