import sqlite3 from 'sqlite3';
import { AppError } from '../contract/errors';
import { migrations } from './migrations';

export type SqlValue = string | number | bigint | Buffer | null;
export type Params = SqlValue[] | Record<string, SqlValue>;

/** Promise wrapper over sqlite3; the only place that touches the driver. */
export class Db {
  private constructor(readonly raw: sqlite3.Database) {}

  static async open(file: string): Promise<Db> {
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    const db = new Db(raw);
    raw.configure('busyTimeout', 5000);
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');
    return db;
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (err) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
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
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Runs `fn` in one IMMEDIATE transaction; sqlite3 serialises statements on one connection. */
  private txChain: Promise<unknown> = Promise.resolve();
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.txChain.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn();
        await this.exec('COMMIT');
        return out;
      } catch (e) {
        await this.exec('ROLLBACK');
        throw e;
      }
    });
    this.txChain = next.catch(() => undefined);
    return next;
  }

  /** Prepared statement reused for bulk writes inside a transaction. */
  prepare(sql: string): Stmt {
    return new Stmt(this.raw.prepare(sql));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }
}

export class Stmt {
  constructor(private readonly s: sqlite3.Statement) {}
  run(params: Params): Promise<void> {
    return new Promise((resolve, reject) => this.s.run(params, (err) => (err ? reject(err) : resolve())));
  }
  finalize(): Promise<void> {
    return new Promise((resolve) => this.s.finalize(() => resolve()));
  }
}

export async function schemaVersion(db: Db): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Applies pending migrations in order; refuses a database written by a newer app version. */
export async function migrate(db: Db, upTo: number = migrations.length): Promise<number> {
  const current = await schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError(
      'DB_TOO_NEW',
      `database schema ${current} is newer than this app supports (${migrations.length})`,
      { details: { current, supported: migrations.length } },
    );
  }
  for (let v = current; v < upTo; v++) {
    const m = migrations[v];
    if (!m) break;
    // The step and its version number land together or not at all.
    await db.transaction(async () => {
      await db.exec(m.sql);
      await db.exec(`PRAGMA user_version = ${v + 1}`);
    });
  }
  return schemaVersion(db);
}

export async function openDatabase(file: string): Promise<Db> {
  const db = await Db.open(file);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
