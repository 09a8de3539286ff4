import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secret-store';

// A reversible stand-in for DPAPI: enough to prove the file never holds the clear text.
const fakeSafe = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhb-sec-'));
  dirs.push(d);
  return join(d, 'secrets.json');
};

describe('SafeStorageSecretStore', () => {
  it('round-trips secrets and never writes them in clear', async () => {
    const f = file();
    const s = new SafeStorageSecretStore(fakeSafe(), f);
    await s.set('contacts', 'super-secret-value-123');
    expect(await s.get('contacts')).toBe('super-secret-value-123');
    expect(readFileSync(f, 'utf8')).not.toContain('super-secret-value-123');
    await s.delete('contacts');
    expect(await s.get('contacts')).toBeNull();
  });

  it('refuses to store when OS encryption is unavailable', async () => {
    const s = new SafeStorageSecretStore(fakeSafe(false), file());
    await expect(s.set('contacts', 'x')).rejects.toThrow(/unavailable/);
  });
});
