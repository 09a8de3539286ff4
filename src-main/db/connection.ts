import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { AppError } from '../contract/errors';
import type { Logger } from '../platform/logger';
import { attachCache } from './cache/attach';
import { CACHE_FILE } from './cache/schema';
import { migrations } from './migrations';

export type SqlValue = string | number | bigint | Buffer | null;
export type Params = SqlValue[] | Record<string, SqlValue>;

/** Marks the async flow of one open transaction; `open` turns false at its end so late stragglers queue. */
interface TxScope {
  open: boolean;
}

/**
 * Promise wrapper over sqlite3; the only place that touches the driver.
 *
 * One connection is shared by every flow, and SQLite has one transaction per connection. So every
 * write (run, exec, prepared statements, transactions) waits its turn on one chain: a plain write from
 * another flow must never slip into, and roll back with, somebody else's open transaction. Calls made
 * inside a transaction's fn run at once (they belong to it). Reads go straight.
 */
export class Db {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly scope = new AsyncLocalStorage<TxScope>();

  private constructor(readonly raw: sqlite3.Database) {}

  static async open(file: string): Promise<Db> {
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    const db = new Db(raw);
    try {
      raw.configure('busyTimeout', 5000);
      // FULL: with WAL, NORMAL may lose the last commits on power loss — e.g. an outbox row's
      // `sending` mark, after which the call would be re-sent without reconcile. Our writes are small.
      await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
    return db;
  }

  /** True while the caller runs inside a transaction's fn. */
  get inTransaction(): boolean {
    return this.scope.getStore()?.open === true;
  }

  /** Runs `fn` now if we are inside a transaction, else after every write queued before it. */
  private queued<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastID: number }> {
    return this.queued(() => this.runNow(sql, params));
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)));
    });
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
    });
  }

  exec(sql: string): Promise<void> {
    return this.queued(() => this.execNow(sql));
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction, after every write queued before it. Inside another
   * transaction it just runs `fn` (the outer one commits or rolls back both).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    return this.queued(async () => {
      await this.execNow('BEGIN IMMEDIATE');
      const scope: TxScope = { open: true };
      try {
        const out = await this.scope.run(scope, fn);
        scope.open = false;
        await this.execNow('COMMIT');
        return out;
      } catch (e) {
        scope.open = false;
        // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error is the news.
        await this.execNow('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Prepared statement for bulk writes; its runs queue like `run` outside a transaction. */
  prepare(sql: string): Stmt {
    return new Stmt(this.raw.prepare(sql), (fn) => this.queued(fn));
  }

  /** Closes after the writes already queued have landed. */
  async close(): Promise<void> {
    await this.chain;
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }

  private runNow(sql: string, params: Params): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  private execNow(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err) => (err ? reject(err) : resolve()));
    });
  }
}

export class Stmt {
  constructor(
    private readonly s: sqlite3.Statement,
    private readonly queued: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {}
  run(params: Params): Promise<void> {
    return this.queued(
      () =>
        new Promise<void>((resolve, reject) => this.s.run(params, (err) => (err ? reject(err) : resolve()))),
    );
  }
  finalize(): Promise<void> {
    return new Promise((resolve) => this.s.finalize(() => resolve()));
  }
}

export async function schemaVersion(db: Db, schema = 'main'): Promise<number> {
  const row = await db.get<{ user_version: number }>(`PRAGMA ${schema}.user_version`);
  return row?.user_version ?? 0;
}

/** Throws DB_TOO_NEW for a main db written by a newer app version; else answers its version. */
async function refuseTooNew(db: Db): Promise<number> {
  const current = await schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'DB_TOO_NEW',
      `database schema ${current} is newer than this app supports (${migrations.length})`,
      { details: { current, supported: migrations.length } },
    );
  }
  return current;
}

/** Applies pending migrations in order; refuses a database written by a newer app version. */
export async function migrate(db: Db, upTo: number = migrations.length): Promise<number> {
  const current = await refuseTooNew(db);
  for (let v = current; v < upTo; v++) {
    const m = migrations[v];
    if (!m) break;
    // The step and its version number land together or not at all.
    await db.transaction(async () => {
      await db.exec(m.sql);
      await db.exec(`PRAGMA main.user_version = ${v + 1}`);
    });
  }
  return schemaVersion(db);
}

/** SQLite's answer for a file that is not a database or whose pages are damaged. */
export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Opens the main db (the precious records) with the disposable org cache attached, then migrates.
 * A damaged main file is never touched: DB_CORRUPT names it, and the user decides what to do with it.
 */
export async function openDatabase(
  file: string,
  opts: { cacheFile?: string; logger?: Logger } = {},
): Promise<Db> {
  const corrupt = (e: unknown) =>
    new AppError('DB_CORRUPT', `database file is damaged: ${file}`, { details: { file }, cause: e });
  let db: Db;
  try {
    db = await Db.open(file);
  } catch (e) {
    throw isCorruptionError(e) ? corrupt(e) : e;
  }
  try {
    const check = await db.all<{ quick_check: string }>('PRAGMA main.quick_check');
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') throw corrupt(check.slice(0, 5));
    // Before the cache: an older app must not throw away the cache of the newer one it refuses to run.
    await refuseTooNew(db);
    await attachCache(db, opts.cacheFile ?? join(dirname(file), CACHE_FILE), opts.logger);
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw isCorruptionError(e) ? corrupt(e) : e;
  }
  return db;
}
