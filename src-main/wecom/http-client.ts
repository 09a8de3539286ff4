import axios, { type AxiosInstance } from 'axios';
import PQueue from 'p-queue';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../platform/logger';
import { registerSecret } from '../platform/redact';
import { WecomError, WecomNetworkError } from './errors';
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

export type Envelope = { errcode: number; errmsg: string } & Record<string, unknown>;

/**
 * The WeCom transport: token injection, errcode checking, one token refresh on 40014/42001/41001,
 * backoff retries only for transient failures, per-family rate limits, and redacted errors.
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
    });
    this.limits = { ...DEFAULT_FAMILY_LIMITS, ...opts.limits };
    this.retries = opts.retries ?? 3;
    this.minRetryDelayMs = opts.minRetryDelayMs ?? 500;
    this.rateLimitDelayMs = opts.rateLimitDelayMs ?? 5_000;
    this.tokens = new TokenProvider((c) => this.fetchToken(c), opts.now);
  }

  get<T extends Envelope>(
    cred: Credential,
    path: string,
    query: Record<string, string | number> = {},
    family: Family = 'contacts-read',
  ): Promise<T> {
    return this.call<T>(cred, 'GET', path, query, undefined, family);
  }

  post<T extends Envelope>(
    cred: Credential,
    path: string,
    body: unknown,
    family: Family = 'contacts-write',
    query: Record<string, string | number> = {},
  ): Promise<T> {
    return this.call<T>(cred, 'POST', path, query, body, family);
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
      this.raw('GET', '/cgi-bin/gettoken', { corpid: c.corpId, corpsecret: c.secret }),
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
  ): Promise<T> {
    const res = await this.queue(family).add(() =>
      this.withRetry(path, async () => {
        let refreshed = false;
        for (;;) {
          const token = await this.tokens.get(cred);
          try {
            return await this.raw(method, `/cgi-bin/${path}`, { ...query, access_token: token }, body);
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

  private withRetry<R>(path: string, fn: () => Promise<R>): Promise<R> {
    return pRetry(
      async () => {
        try {
          return await fn();
        } catch (e) {
          // Transient failures and rate limiting (45009) are retried; configuration and request
          // errors never are: repeating them cannot help and wrong secrets get the IP banned.
          const retry =
            e instanceof WecomNetworkError ||
            (e instanceof WecomError && (e.cls === 'transient' || e.cls === 'rate'));
          if (!retry) throw new AbortError(e as Error);
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

  private async raw(
    method: 'GET' | 'POST',
    url: string,
    params: Record<string, string | number>,
    data?: unknown,
  ): Promise<Envelope> {
    const path = url.replace(/^\/cgi-bin\//, '');
    let res;
    try {
      res = await this.ax.request({
        method,
        url,
        params,
        data: method === 'POST' ? (data ?? {}) : undefined,
      });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      throw new WecomNetworkError(path, err.code ?? err.message ?? 'request failed');
    }
    if (res.status >= 500) throw new WecomNetworkError(path, `HTTP ${res.status}`);
    if (res.status !== 200) throw new WecomError(-2, `HTTP ${res.status}`, path);
    const body = typeof res.data === 'string' ? safeParse(res.data) : (res.data as Record<string, unknown>);
    if (!body || typeof body !== 'object') throw new WecomNetworkError(path, 'malformed response body');
    // Older SDK fixtures send errcode as "0"; a missing errcode with payload means success.
    const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
    const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
    if (Number.isNaN(errcode)) throw new WecomError(-1, `non-numeric errcode ${String(body.errcode)}`, path);
    if (errcode !== 0) throw new WecomError(errcode, errmsg, path);
    return { ...body, errcode, errmsg } as Envelope;
  }
}

function safeParse(s: string): Record<string, unknown> | null {
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    return null;
  }
}
