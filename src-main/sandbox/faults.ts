import { assertServerErrorStatus, PathQueue, type AfterApply } from './reply-faults';
import type { TokenStore } from './tokens';

/** Knobs tests and e2e use to make the sandbox misbehave the way WeCom does in production. */
export interface FaultControls {
  /** every issued token now answers 42001 */
  expireTokens(): void;
  /** every issued token now answers 40014 */
  invalidateTokens(): void;
  /** the next `count` calls to /cgi-bin/<path> answer `errcode` before doing any work */
  failNext(path: string, errcode: number, count?: number): void;
  /** delay every /cgi-bin response by `ms` */
  setLatency(ms: number): void;
  /** destroy the socket without a response for the next `count` calls (to `path`, or any path when null) */
  dropConnections(path: string | null, count: number): void;
  /**
   * for the next `count` calls (to `path`, or any path when null) that reach their handler: the
   * handler runs and applies its change, then the socket is destroyed without a response
   */
  dropReplies(path: string | null, count: number): void;
  /** the next `count` calls to `path` that reach their handler apply the change, then answer `errcode` */
  failAfterApply(path: string, errcode: number, count?: number): void;
  /** like failAfterApply, but the answer is HTTP `status` (5xx) with an HTML gateway page */
  httpErrorAfterApply(path: string, status: number, count?: number): void;
  /** the next `count` calls to `path` answer HTTP `status` (5xx) before doing any work */
  httpErrorNext(path: string, status: number, count?: number): void;
  /** 企业可信IP of the contacts secret or an app (by agentid); null = not enforced */
  setTrustedIps(target: 'contacts' | number, ips: string[] | null): void;
  /** contacts-secret detail reads (user/get, user/list, department/list) answer 48009 */
  forbidContactDetails(on: boolean): void;
  /** per-API per-minute cap answering 45009; null = back to the start-up setting */
  setRateLimit(perMinute: number | null): void;
  /** wrong-secret gettoken calls per IP per hour before the IP is banned for an hour; null = 2000 */
  setWrongSecretLimit(perHour: number | null): void;
  /** calls that reached /cgi-bin/<path> (all paths when omitted) */
  callCount(): Record<string, number>;
  callCount(path: string): number;
  /** clear every fault and counter (issued tokens stay valid) */
  reset(): void;
}

/** WeCom's documented per-corp per-API cap (API.md §7.1). */
export const WECOM_PER_MINUTE_LIMIT = 10_000;
const DEFAULT_WRONG_SECRET_LIMIT = 2000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export function normalizeApiPath(path: string): string {
  return path
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]!
    .replace(/^\/+/, '')
    .replace(/^cgi-bin\//, '')
    .replace(/\/+$/, '');
}

interface Window {
  start: number;
  count: number;
}

export class Faults implements FaultControls {
  latencyMs = 0;
  contactDetailsForbidden = false;
  private failQueue = new Map<string, { errcode: number; remaining: number }[]>();
  private drops: { path: string | null; remaining: number }[] = [];
  private afterApply = new PathQueue<AfterApply>();
  private httpErrors = new PathQueue<number>();
  private trusted = new Map<string, Set<string>>();
  private rateOverride: number | null = null;
  private rateWindows = new Map<string, Window>();
  private calls = new Map<string, number>();
  private wrongSecretLimit = DEFAULT_WRONG_SECRET_LIMIT;
  private wrongSecret = new Map<string, Window & { bannedUntil: number }>();

  constructor(
    private readonly tokens: TokenStore,
    private readonly rateLimitsByDefault: boolean,
  ) {}

  expireTokens(): void {
    this.tokens.revokeAll('expired');
  }

  invalidateTokens(): void {
    this.tokens.revokeAll('invalid');
  }

  failNext(path: string, errcode: number, count = 1): void {
    const key = normalizeApiPath(path);
    const list = this.failQueue.get(key) ?? [];
    list.push({ errcode, remaining: count });
    this.failQueue.set(key, list);
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  dropConnections(path: string | null, count: number): void {
    this.drops.push({ path: path === null ? null : normalizeApiPath(path), remaining: count });
  }

  dropReplies(path: string | null, count: number): void {
    this.afterApply.add(path === null ? null : normalizeApiPath(path), count, { kind: 'drop' });
  }

  failAfterApply(path: string, errcode: number, count = 1): void {
    this.afterApply.add(normalizeApiPath(path), count, { kind: 'errcode', errcode });
  }

  httpErrorAfterApply(path: string, status: number, count = 1): void {
    assertServerErrorStatus(status);
    this.afterApply.add(normalizeApiPath(path), count, { kind: 'http', status });
  }

  httpErrorNext(path: string, status: number, count = 1): void {
    assertServerErrorStatus(status);
    this.httpErrors.add(normalizeApiPath(path), count, status);
  }

  setTrustedIps(target: 'contacts' | number, ips: string[] | null): void {
    const key = String(target);
    if (ips === null) this.trusted.delete(key);
    else this.trusted.set(key, new Set(ips.map(normalizeIp)));
  }

  forbidContactDetails(on: boolean): void {
    this.contactDetailsForbidden = on;
  }

  setRateLimit(perMinute: number | null): void {
    this.rateOverride = perMinute;
    this.rateWindows.clear();
  }

  setWrongSecretLimit(perHour: number | null): void {
    this.wrongSecretLimit = perHour ?? DEFAULT_WRONG_SECRET_LIMIT;
    this.wrongSecret.clear();
  }

  callCount(): Record<string, number>;
  callCount(path: string): number;
  callCount(path?: string): number | Record<string, number> {
    if (path !== undefined) return this.calls.get(normalizeApiPath(path)) ?? 0;
    return Object.fromEntries(this.calls);
  }

  reset(): void {
    this.latencyMs = 0;
    this.contactDetailsForbidden = false;
    this.failQueue.clear();
    this.drops = [];
    this.afterApply.clear();
    this.httpErrors.clear();
    this.trusted.clear();
    this.rateOverride = null;
    this.rateWindows.clear();
    this.calls.clear();
    this.wrongSecretLimit = DEFAULT_WRONG_SECRET_LIMIT;
    this.wrongSecret.clear();
  }

  // ---- used by the server pipeline ----

  recordCall(path: string): void {
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
  }

  takeDrop(path: string): boolean {
    const d = this.drops.find((x) => x.remaining > 0 && (x.path === null || x.path === path));
    if (!d) return false;
    d.remaining--;
    this.drops = this.drops.filter((x) => x.remaining > 0);
    return true;
  }

  /** consumed only once the call has reached its handler, so earlier refusals don't use it up */
  takeAfterApply(path: string): AfterApply | undefined {
    return this.afterApply.take(path);
  }

  takeHttpError(path: string): number | undefined {
    return this.httpErrors.take(path);
  }

  takeFailure(path: string): number | undefined {
    const list = this.failQueue.get(path);
    const head = list?.[0];
    if (!list || !head) return undefined;
    head.remaining--;
    if (head.remaining <= 0) list.shift();
    if (list.length === 0) this.failQueue.delete(path);
    return head.errcode;
  }

  /** false when the caller IP is outside the target's trusted list */
  ipAllowed(target: 'contacts' | number, ip: string): boolean {
    const set = this.trusted.get(String(target));
    return !set || set.has(normalizeIp(ip));
  }

  /**
   * Fixed one-minute window per API: once the cap is hit the API stays blocked until the window
   * ends, matching "per-minute limit → blocked 60 s" (API.md §7.1).
   */
  rateLimited(path: string, now = Date.now()): boolean {
    const cap = this.rateOverride ?? (this.rateLimitsByDefault ? WECOM_PER_MINUTE_LIMIT : null);
    if (cap === null) return false;
    let w = this.rateWindows.get(path);
    if (!w || now - w.start >= MINUTE) {
      w = { start: now, count: 0 };
      this.rateWindows.set(path, w);
    }
    w.count++;
    return w.count > cap;
  }

  gettokenBanned(ip: string, now = Date.now()): boolean {
    const w = this.wrongSecret.get(ip);
    return !!w && w.bannedUntil > now;
  }

  /** counts a wrong-secret gettoken; beyond the hourly threshold the IP is banned for an hour */
  recordWrongSecret(ip: string, now = Date.now()): void {
    let w = this.wrongSecret.get(ip);
    if (!w || now - w.start >= HOUR) {
      w = { start: now, count: 0, bannedUntil: w?.bannedUntil ?? 0 };
      this.wrongSecret.set(ip, w);
    }
    w.count++;
    if (w.count >= this.wrongSecretLimit) w.bannedUntil = now + HOUR;
  }
}

/** Node reports IPv4 peers on dual-stack sockets as ::ffff:a.b.c.d; WeCom shows plain IPv4. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
