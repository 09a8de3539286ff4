import { randomBytes } from 'node:crypto';
import { PER_MEMBER_PER_HOUR, PER_MEMBER_PER_MINUTE, RECALL_WINDOW_S } from '../../domain/message-limits';
import type { SandboxClock } from './clock';

/** One message as a member's phone received it. */
export interface Delivery {
  msgid: string;
  agentid: number;
  msgtype: string;
  /** the msgtype's payload object as sent */
  payload: unknown;
  safe: number;
  /** unix seconds on the sandbox clock */
  at: number;
  recalled: boolean;
}

interface SendRecord {
  agentid: number;
  at: number;
  members: string[];
}

interface DuplicateEntry {
  msgid: string;
  atMs: number;
}

/**
 * What WeCom delivered: per-member inboxes, the msgids for recall, the duplicate-check memory and
 * the per-member pacing that silently drops the excess (API.md §4.1 frequency limits).
 */
export class MessageLog {
  private readonly inboxes = new Map<string, Delivery[]>();
  private readonly sends = new Map<string, SendRecord>();
  /** `${agentid}\n${raw body}` → the send it was */
  private readonly recent = new Map<string, DuplicateEntry>();
  /** `${agentid}:${userid}` → delivery times (ms) within the last hour */
  private readonly pace = new Map<string, number[]>();
  /** deliveries dropped by the per-member limits, for tests and the bench */
  dropped = 0;

  constructor(private readonly clock: SandboxClock) {}

  /** The earlier identical send within `intervalS`, if any (enable_duplicate_check=1). */
  duplicateOf(agentid: number, rawBody: string, intervalS: number): string | undefined {
    const hit = this.recent.get(`${agentid}\n${rawBody}`);
    if (!hit) return undefined;
    return this.clock.nowMs() - hit.atMs < intervalS * 1000 ? hit.msgid : undefined;
  }

  /** Records one send and delivers it to each member still under the pacing limits. */
  deliver(
    agentid: number,
    rawBody: string,
    msg: { msgtype: string; payload: unknown; safe: number },
    members: Iterable<string>,
  ): string {
    const msgid = randomBytes(47).toString('base64url').slice(0, 63);
    const nowMs = this.clock.nowMs();
    const at = Math.floor(nowMs / 1000);
    const reached: string[] = [];
    for (const m of members) {
      if (!this.admit(agentid, m, nowMs)) {
        this.dropped++;
        continue;
      }
      reached.push(m);
      let box = this.inboxes.get(m);
      if (!box) this.inboxes.set(m, (box = []));
      box.push({ msgid, agentid, ...msg, at, recalled: false });
    }
    this.sends.set(msgid, { agentid, at, members: reached });
    this.recent.set(`${agentid}\n${rawBody}`, { msgid, atMs: nowMs });
    return msgid;
  }

  private admit(agentid: number, member: string, nowMs: number): boolean {
    const key = `${agentid}:${member}`;
    const times = (this.pace.get(key) ?? []).filter((t) => nowMs - t < 3_600_000);
    const lastMinute = times.filter((t) => nowMs - t < 60_000).length;
    const ok = lastMinute < PER_MEMBER_PER_MINUTE && times.length < PER_MEMBER_PER_HOUR;
    if (ok) times.push(nowMs);
    this.pace.set(key, times);
    return ok;
  }

  /** 'ok', or why recall is refused: unknown msgid, another app's message, older than 24 h */
  recall(agentid: number, msgid: string): 'ok' | 'unknown' | 'other-app' | 'expired' {
    const send = this.sends.get(msgid);
    if (!send) return 'unknown';
    if (send.agentid !== agentid) return 'other-app';
    if (this.clock.nowS() - send.at > RECALL_WINDOW_S) return 'expired';
    for (const m of send.members) {
      for (const d of this.inboxes.get(m) ?? []) if (d.msgid === msgid) d.recalled = true;
    }
    return 'ok';
  }

  inbox(userid: string): Delivery[] {
    return this.inboxes.get(userid.toLowerCase()) ?? [];
  }

  /** how many members a send reached (after pacing) */
  reachedBy(msgid: string): number {
    return this.sends.get(msgid)?.members.length ?? 0;
  }

  clear(): void {
    this.inboxes.clear();
    this.sends.clear();
    this.recent.clear();
    this.pace.clear();
    this.dropped = 0;
  }
}
