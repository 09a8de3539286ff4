import { randomBytes } from 'node:crypto';
import type { Principal } from './credentials';

export const TOKEN_TTL_SECONDS = 7200;

interface TokenRecord {
  token: string;
  secret: string;
  principal: Principal;
  expiresAt: number;
  /** set by the fault controls: expired → 42001, invalid → 40014 */
  revoked?: 'expired' | 'invalid';
}

export type TokenLookup =
  { ok: true; principal: Principal; secret: string } | { ok: false; errcode: 40014 | 42001 };

export class TokenStore {
  private readonly byToken = new Map<string, TokenRecord>();
  private readonly currentBySecret = new Map<string, TokenRecord>();

  /**
   * One live token per secret; a repeat call inside validity returns the same token (2020 doc
   * text of 91039). Validity is renewed so the advertised expires_in is never longer than the
   * real remaining lifetime from the client's point of view.
   */
  issue(secret: string, principal: Principal, now = Date.now()): { token: string; expiresIn: number } {
    const current = this.currentBySecret.get(secret);
    if (current && !current.revoked && current.expiresAt > now) {
      current.expiresAt = now + TOKEN_TTL_SECONDS * 1000;
      return { token: current.token, expiresIn: TOKEN_TTL_SECONDS };
    }
    // 96 random bytes → 128 base64url chars: well above 64 and exercises clients that assume short tokens
    const record: TokenRecord = {
      token: randomBytes(96).toString('base64url'),
      secret,
      principal,
      expiresAt: now + TOKEN_TTL_SECONDS * 1000,
    };
    this.byToken.set(record.token, record);
    this.currentBySecret.set(secret, record);
    return { token: record.token, expiresIn: TOKEN_TTL_SECONDS };
  }

  lookup(token: string, now = Date.now()): TokenLookup {
    const rec = this.byToken.get(token);
    if (!rec || rec.revoked === 'invalid') return { ok: false, errcode: 40014 };
    if (rec.revoked === 'expired' || rec.expiresAt <= now) return { ok: false, errcode: 42001 };
    return { ok: true, principal: rec.principal, secret: rec.secret };
  }

  revokeAll(how: 'expired' | 'invalid'): void {
    for (const rec of this.byToken.values()) rec.revoked = how;
  }
}
