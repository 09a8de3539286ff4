import type { Db } from '../connection';

/** Key/value store for non-secret settings. Values are JSON. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  async get<T>(key: string): Promise<T | null> {
    const r = await this.db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return r ? (JSON.parse(r.value) as T) : null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.run('DELETE FROM settings WHERE key = ?', [key]);
  }
}
