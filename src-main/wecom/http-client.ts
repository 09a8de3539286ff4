import axios, { type AxiosInstance } from 'axios';
import PQueue from 'p-queue';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../platform/logger';
import { registerSecret } from '../platform/redact';
import { WecomError, WecomNetworkError, isAmbiguous } from './errors';
import { TokenProvider, type Credential } from './token-provider';

export const OFFICIAL_API_BASE = 'https://qyapi.weixin.qq.com';

/** Calls are queued per family so one busy area cannot starve or rate-limit another. */
export type Family = 'token' | 'contacts-read' | 'contacts-write' | 'message' | 'media' | 'drive' | 'oa';

export interface FamilyLimit {
  concurrency: number;
  perMinute: number;
}

/** Under WeCom's 10,000/min per API per corp, and ≤5 in flight per API (API.md §7.1–7.2). */
export const DEFAULT_FAMILY_LIMITS: Record<Family, FamilyLimit> = {
  token: { concurrency: 2, perMinute: 300 },
  'contacts-read': { concurrency: 5, perMinute: 9000 },
  'contacts-write': { concurrency: 1, perMinute: 3000 },
  message: { concurrency: 3, perMinute: 3000 },
  media: { concurrency: 3, perMinute: 1000 },
  drive: { concurrency: 5, perMinute: 1000 },
  oa: { concurrency: 3, perMinute: 1000 },
};

export interface WecomHttpOptions {
  baseURL: string;
  logger: Logger;
  timeoutMs?: number;
  retries?: number;
  minRetryDelayMs?: number;
  /** Extra wait per attempt after 45009: WeCom's windows are a minute long, so back off harder. */
  rateLimitDelayMs?: number;
  limits?: Partial<Record<Family, FamilyLimit>>;
  now?: () => number;
}

/**
 * Families whose calls change WeCom state, so sending one twice is not harmless (a second create
 * answers 60008/60102/40071, a second delete 60003/60111/40068, and the outbox would record a
 * rejection for a call that was applied). Calls default to idempotent everywhere else.
 */
export const NON_IDEMPOTENT_FAMILIES: ReadonlySet<Family> = new Set<Family>(['contacts-write', 'message']);

export interface CallOptions {
  family?: Family;
  /**
   * Whether re-sending the call is harmless; defaults to `!NON_IDEMPOTENT_FAMILIES.has(family)`.
   * A non-idempotent call is retried only when it certainly did not apply: token refresh
   * (40014/42001/41001), rate limits (45009/45033), connection refused and DNS failures. A timeout,
   * reset, 5xx, garbled body or errcode -1 is not retried and throws an ambiguous WecomNetworkError.
   */
  idempotent?: boolean;
  /** Extra query parameters, merged over the positional `query` argument. */
  query?: Record<string, string | number>;
}

/**
 * Connect-time failures: no byte of the request reached any server, so even a write is safe to
 * send again. Everything else (timeout, ECONNRESET, socket hang up) may follow a delivered request.
 */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export type Envelope = { errcode: number; errmsg: string } & Record<string, unknown>;

/**
 * A request body built afresh for every attempt (a multipart stream can be read only once, and a
 * token refresh sends the call again).
 */
export class FreshBody {
  constructor(readonly make: () => { data: unknown; headers: Record<string, string> }) {}
}

/**
 * The WeCom transport: token injection, errcode checking, one token refresh on 40014/42001/41001,
 * backoff retries only for transient failures (and for non-idempotent calls only for failures
 * that certainly did not apply), per-family rate limits, and redacted errors.
 */
export class WecomHttp {
  readonly tokens: TokenProvider;
  private readonly ax: AxiosInstance;
  private readonly queues = new Map<Family, PQueue>();
  private readonly limits: Record<Family, FamilyLimit>;
  private readonly retries: number;
  private readonly minRetryDelayMs: number;
  private readonly rateLimitDelayMs: number;

  constructor(private readonly opts: WecomHttpOptions) {
    this.ax = axios.create({
      baseURL: opts.baseURL.replace(/\/+$/, ''),
      timeout: opts.timeoutMs ?? 15_000,
      // WeCom answers business errors with 200; anything else is a transport failure.
      validateStatus: () => true,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      proxy: false,
      // A redirect would carry the query string (access_token, or corpsecret on gettoken) to
      // wherever the Location points; WeCom never redirects its API (review L4).
      maxRedirects: 0,
    });
    this.limits = { ...DEFAULT_FAMILY_LIMITS, ...opts.limits };
    this.retries = opts.retries ?? 3;
    this.minRetryDelayMs = opts.minRetryDelayMs ?? 500;
    this.rateLimitDelayMs = opts.rateLimitDelayMs ?? 5_000;
    this.tokens = new TokenProvider((c) => this.fetchToken(c), opts.now);
  }

  /** `opts` is a family name or CallOptions; its default family is 'contacts-read'. */
  get<T extends Envelope>(
    cred: Credential,
    path: string,
    query: Record<string, string | number> = {},
    opts: Family | CallOptions = 'contacts-read',
  ): Promise<T> {
    const o = typeof opts === 'string' ? { family: opts } : opts;
    const q = { ...query, ...o.query };
    return this.call<T>(cred, 'GET', path, q, undefined, o.family ?? 'contacts-read', o.idempotent);
  }

  /** `opts` is a family name or CallOptions; its default family is 'contacts-write'. */
  post<T extends Envelope>(
    cred: Credential,
    path: string,
    body: unknown,
    opts: Family | CallOptions = 'contacts-write',
    query: Record<string, string | number> = {},
  ): Promise<T> {
    const o = typeof opts === 'string' ? { family: opts } : opts;
    const q = { ...query, ...o.query };
    return this.call<T>(cred, 'POST', path, q, body, o.family ?? 'contacts-write', o.idempotent);
  }

  private queue(f: Family): PQueue {
    let q = this.queues.get(f);
    if (!q) {
      const l = this.limits[f];
      q = new PQueue({ concurrency: l.concurrency, intervalCap: l.perMinute, interval: 60_000 });
      this.queues.set(f, q);
    }
    return q;
  }

  private async fetchToken(c: Credential): Promise<{ token: string; expiresIn: number }> {
    registerSecret(c.secret);
    // Not retried here: every caller is already inside withRetry, and nesting would multiply attempts.
    const body = await this.queue('token').add(() =>
      this.raw('GET', '/cgi-bin/gettoken', true, { corpid: c.corpId, corpsecret: c.secret }),
    );
    if (!body) throw new WecomNetworkError('gettoken', 'no response');
    const token = body.access_token;
    if (typeof token !== 'string' || !token)
      throw new WecomError(-1, 'gettoken returned no access_token', 'gettoken');
    return { token, expiresIn: Number(body.expires_in ?? 7200) || 7200 };
  }

  private async call<T extends Envelope>(
    cred: Credential,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number>,
    body: unknown,
    family: Family,
    idempotent = !NON_IDEMPOTENT_FAMILIES.has(family),
  ): Promise<T> {
    const res = await this.queue(family).add(() =>
      this.withRetry(path, idempotent, async () => {
        let refreshed = false;
        for (;;) {
          const token = await this.tokens.get(cred);
          try {
            const params = { ...query, access_token: token };
            return await this.raw(method, `/cgi-bin/${path}`, idempotent, params, body);
          } catch (e) {
            if (e instanceof WecomError && e.cls === 'token' && !refreshed) {
              refreshed = true;
              this.opts.logger.info(`token rejected (${e.errcode}) on ${path}; refreshing once`, {
                label: cred.label,
              });
              this.tokens.invalidate(cred, token);
              continue;
            }
            throw e;
          }
        }
      }),
    );
    return res as T;
  }

  private withRetry<R>(path: string, idempotent: boolean, fn: () => Promise<R>): Promise<R> {
    return pRetry(
      async () => {
        try {
          return await fn();
        } catch (e) {
          if (isAmbiguous(e))
            this.opts.logger.warn(`${path}: outcome unknown, not re-sent (reconcile decides)`, {
              error: e.message,
            });
          if (!mayRetry(e, idempotent)) throw new AbortError(e as Error);
          throw e;
        }
      },
      {
        retries: this.retries,
        minTimeout: this.minRetryDelayMs,
        factor: 2,
        randomize: true,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          this.opts.logger.warn(`retrying ${path} after attempt ${attemptNumber}`, { error: error.message });
          if (retriesLeft > 0 && error instanceof WecomError && error.cls === 'rate') {
            await new Promise((r) => setTimeout(r, this.rateLimitDelayMs * attemptNumber));
          }
        },
      },
    );
  }

  /** One HTTP exchange. `idempotent` decides whether an open outcome is reported as ambiguous. */
  private async raw(
    method: 'GET' | 'POST',
    url: string,
    idempotent: boolean,
    params: Record<string, string | number>,
    data?: unknown,
  ): Promise<Envelope> {
    const path = url.replace(/^\/cgi-bin\//, '');
    let res;
    try {
      const fresh = data instanceof FreshBody ? data.make() : undefined;
      res = await this.ax.request({
        method,
        url,
        params,
        data: fresh ? fresh.data : method === 'POST' ? (data ?? {}) : undefined,
        ...(fresh ? { headers: fresh.headers, maxBodyLength: Infinity, maxContentLength: Infinity } : {}),
      });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const sent = !(err.code && NOT_SENT.has(err.code));
      throw new WecomNetworkError(path, err.code ?? err.message ?? 'request failed', {
        ambiguous: sent && !idempotent,
      });
    }
    // A 5xx or an unreadable body may come from a gateway after WeCom applied the call.
    const open = { ambiguous: !idempotent };
    if (res.status >= 500) throw new WecomNetworkError(path, `HTTP ${res.status}`, open);
    if (res.status !== 200) throw new WecomError(-2, `HTTP ${res.status}`, path);
    const body = typeof res.data === 'string' ? safeParse(res.data) : (res.data as Record<string, unknown>);
    if (!body || typeof body !== 'object') throw new WecomNetworkError(path, 'malformed response body', open);
    // Older SDK fixtures send errcode as "0"; a missing errcode with payload means success.
    const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
    const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
    if (Number.isNaN(errcode) || (errcode === -1 && !idempotent)) {
      const why = Number.isNaN(errcode) ? `non-numeric errcode ${String(body.errcode)}` : errmsg;
      // -1 "system busy" does not say whether a write was applied, so it is not a definite refusal.
      if (!idempotent) throw new WecomNetworkError(path, `errcode -1: ${why}`, { ...open, errcode: -1 });
      throw new WecomError(-1, why, path);
    }
    if (errcode !== 0) throw new WecomError(errcode, errmsg, path);
    return { ...body, errcode, errmsg } as Envelope;
  }
}

/**
 * Transient failures and rate limiting are retried; configuration and request errors never are:
 * repeating them cannot help, and wrong secrets get the IP banned. A non-idempotent call is
 * retried only when it certainly did not apply (see CallOptions.idempotent).
 */
function mayRetry(e: unknown, idempotent: boolean): boolean {
  // Ambiguity is only ever set on non-idempotent calls; a plain network error is safe to repeat.
  if (e instanceof WecomNetworkError) return !e.ambiguous;
  if (!(e instanceof WecomError)) return false;
  // A gettoken failure happened before the call itself was sent.
  if (idempotent || e.path === 'gettoken') return e.cls === 'transient' || e.cls === 'rate';
  // 45009 / 45033: WeCom refused the call up front for frequency or concurrency.
  return e.cls === 'rate' || e.errcode === 45033;
}

function safeParse(s: string): Record<string, unknown> | null {
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return null;
  }
}
