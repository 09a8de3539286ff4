import { PER_MEMBER_PER_HOUR, PER_MEMBER_PER_MINUTE } from './message-limits';

/**
 * WeCom silently drops an app's 31st message to a member within a minute and its 1,001st within an
 * hour (API.md §4.1). Before a call goes out we look at what this app already sent each of its
 * members (from our own register) and hold the call until every one of them is under both limits,
 * with a margin for messages sent from elsewhere (the console, another PC).
 */
export interface PacingLimits {
  perMinute: number;
  perHour: number;
}

export const SAFE_PACING: PacingLimits = {
  perMinute: PER_MEMBER_PER_MINUTE - 5,
  perHour: PER_MEMBER_PER_HOUR - 50,
};

/**
 * The earliest time (ms) a message to these members keeps each under the limits. `sentAt(userid)`
 * gives the times (ms) this app's earlier messages reached that member, any order.
 */
export function earliestSend(
  members: Iterable<string>,
  sentAt: (userid: string) => readonly number[],
  now: number,
  limits: PacingLimits = SAFE_PACING,
): number {
  let at = now;
  for (const m of members) {
    const recent = sentAt(m)
      .filter((t) => now - t < 3_600_000)
      .sort((a, b) => a - b);
    const lastMinute = recent.filter((t) => now - t < 60_000);
    // the message may go once enough of the oldest ones have left their window
    if (lastMinute.length >= limits.perMinute) {
      at = Math.max(at, lastMinute[lastMinute.length - limits.perMinute]! + 60_000);
    }
    if (recent.length >= limits.perHour) {
      at = Math.max(at, recent[recent.length - limits.perHour]! + 3_600_000);
    }
  }
  return at;
}
