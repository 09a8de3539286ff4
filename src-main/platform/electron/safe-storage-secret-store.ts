import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../ports';

/** The part of Electron's safeStorage we use; injected so this file never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Secrets encrypted by the OS (DPAPI on Windows) and kept as base64 ciphertext in one file in the
 * user data folder. Refuses to store anything when encryption is unavailable rather than fall back
 * to plain text.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safeStorage' as const;
  constructor(
    private readonly safe: SafeStorageLike,
    private readonly file: string,
  ) {}

  private load(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private save(all: Record<string, string>): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  async get(key: string): Promise<string | null> {
    const enc = this.load()[key];
    if (!enc || !this.safe.isEncryptionAvailable()) return null;
    return this.safe.decryptString(Buffer.from(enc, 'base64'));
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.safe.isEncryptionAvailable())
      throw new Error('OS encryption is unavailable; secret not stored');
    const all = this.load();
    all[key] = this.safe.encryptString(value).toString('base64');
    this.save(all);
  }

  async delete(key: string): Promise<void> {
    const all = this.load();
    delete all[key];
    this.save(all);
  }
}
