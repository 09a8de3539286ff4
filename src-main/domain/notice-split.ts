import type { Recipients } from '../contract/message-calls';
import { MAX_TO_PARTIES, MAX_TO_TAGS, MAX_TO_USERS } from './message-limits';
import { uidKey } from './org-cache';

const fits = (to: Recipients): boolean =>
  to.userids.length <= MAX_TO_USERS &&
  to.departmentIds.length <= MAX_TO_PARTIES &&
  to.tagIds.length <= MAX_TO_TAGS;

/**
 * One notice as the message/send calls that carry it. Within WeCom's per-call limits (1,000 people,
 * 100 departments, 100 tags) it is one call, as composed. Past them, slicing each list separately
 * would deliver twice to whoever sits in a department of one call and a tag of another, so the
 * notice is resolved to people (`expand`: everyone it reaches, from the cache) and sent in chunks
 * of 1,000 — each member in exactly one call. The split is deterministic, so a call's body repeats
 * byte for byte when it is sent again.
 */
export function splitRecipients(to: Recipients, expand: () => string[]): Recipients[] {
  if (to.all) return [{ all: true, userids: [], departmentIds: [], tagIds: [] }];
  const dedupe = (ids: Iterable<string>): string[] => {
    const seen = new Map<string, string>();
    for (const id of ids) if (!seen.has(uidKey(id))) seen.set(uidKey(id), id);
    return [...seen.values()];
  };
  const asComposed: Recipients = {
    all: false,
    userids: dedupe(to.userids),
    departmentIds: [...new Set(to.departmentIds)],
    tagIds: [...new Set(to.tagIds)],
  };
  if (fits(asComposed)) return [asComposed];
  const people = dedupe([...to.userids, ...expand()]).sort((a, b) => uidKey(a).localeCompare(uidKey(b)));
  const out: Recipients[] = [];
  for (let i = 0; i < people.length; i += MAX_TO_USERS) {
    out.push({ all: false, userids: people.slice(i, i + MAX_TO_USERS), departmentIds: [], tagIds: [] });
  }
  return out;
}
