import { asInt } from '../coerce';
import type { SandboxState } from '../state';
import type { VisibleRanges } from './visible-ranges';

export interface Recipients {
  /** lower-cased userids the message reaches (before status and pacing) */
  members: Set<string>;
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  /** at least one list entry was valid */
  anyValid: boolean;
}

/** "a | b|c" → ["a","b","c"]: the doc's own examples put spaces around the bar */
export function splitBar(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return String(v)
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Expands touser / toparty / totag the way API.md §4.1 describes: "@all" is the app's whole
 * visible range (toparty and totag then ignored), departments include their sub-departments
 * (the emulator checklist's assumption), anything unknown or outside the range is returned
 * lower-cased in the invalid lists.
 */
export function expandRecipients(
  state: SandboxState,
  ranges: VisibleRanges,
  agentid: number,
  users: string[],
  parties: string[],
  tags: string[],
): Recipients {
  const reachable = ranges.reachable(state, agentid);
  const out: Recipients = {
    members: new Set(),
    invaliduser: [],
    invalidparty: [],
    invalidtag: [],
    anyValid: false,
  };
  if (users.includes('@all')) {
    out.members = reachable;
    out.anyValid = reachable.size > 0;
    return out;
  }
  for (const id of users) {
    const key = id.toLowerCase();
    if (state.getUser(key) && reachable.has(key)) {
      out.members.add(key);
      out.anyValid = true;
    } else out.invaliduser.push(key);
  }
  for (const raw of parties) {
    const id = asInt(raw);
    if (id === undefined || !state.departments.has(id) || !ranges.departmentVisible(state, agentid, id)) {
      out.invalidparty.push(raw);
      continue;
    }
    out.anyValid = true;
    for (const u of state.membersOf(id, true)) out.members.add(u.userid.toLowerCase());
  }
  for (const raw of tags) {
    const id = asInt(raw);
    const tag = id === undefined ? undefined : state.tags.get(id);
    if (!tag) {
      out.invalidtag.push(raw);
      continue;
    }
    out.anyValid = true;
    for (const k of tag.users) if (reachable.has(k)) out.members.add(k);
    for (const p of tag.parties)
      for (const u of state.membersOf(p, true)) {
        const k = u.userid.toLowerCase();
        if (reachable.has(k)) out.members.add(k);
      }
  }
  return out;
}
