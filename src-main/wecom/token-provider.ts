import { createHash } from 'node:crypto';
import { registerSecret } from '../platform/redact';

export interface Credential {
  corpId: string;
  secret: string;
  /** For logs and results only, e.g. "通讯录同步" or "app:1000002". */
  label: string;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** Proactive refresh margin, per API.md §7.3. */
const REFRESH_MARGIN_MS = 300_000;

export const credentialKey = (c: Credential): string =>
  createHash('sha256').update(`${c.corpId}\n${c.secret}`).digest('hex').slice(0, 32);

/**
 * One token per secret, in memory only. Concurrent callers share one in-flight gettoken; a token
 * reported bad is dropped only if it is still the cached one, so a burst of 42001s refreshes once.
 */
export class TokenProvider {
  private readonly cache = new Map<string, Cached>();
  private readonly inflight = new Map<string, Promise<string>>();
  refreshCount = 0;

  constructor(
    private readonly fetchToken: (c: Credential) => Promise<{ token: string; expiresIn: number }>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(c: Credential): Promise<string> {
    const key = credentialKey(c);
    const hit = this.cache.get(key);
    if (hit && this.now() < hit.expiresAt - REFRESH_MARGIN_MS) return hit.token;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = (async () => {
      try {
        this.refreshCount++;
        const { token, expiresIn } = await this.fetchToken(c);
        registerSecret(token);
        this.cache.set(key, { token, expiresAt: this.now() + expiresIn * 1000 });
        return token;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, p);
    return p;
  }

  invalidate(c: Credential, failedToken: string): void {
    const key = credentialKey(c);
    if (this.cache.get(key)?.token === failedToken) this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
