import type { SecretStore } from '../ports';

/** Browser host default: secrets last only as long as the process, never touching disk. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly map = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
}
