import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Db } from './connection';
import { tempDb } from './test/temp-db';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});
async function fresh() {
  const t = await tempDb();
  cleanups.push(t.cleanup);
  await t.db.exec('CREATE TABLE t (v TEXT NOT NULL) STRICT');
  return t;
}
const values = async (db: Db) =>
  (await db.all<{ v: string }>('SELECT v FROM t ORDER BY rowid')).map((r) => r.v);

describe('Db write queue', () => {
  it('runs with synchronous = FULL', async () => {
    const { db } = await fresh();
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
  });

  it('a plain write issued during a transaction waits for it, and survives its rollback', async () => {
    const { db } = await fresh();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const tx = db.transaction(async () => {
      await db.run("INSERT INTO t (v) VALUES ('tx')");
      entered();
      await gate;
      throw new Error('boom');
    });
    await inside;
    // Another flow writes while the transaction is open.
    const plain = db.run("INSERT INTO t (v) VALUES ('plain')");
    const stmt = db.prepare('INSERT INTO t (v) VALUES (?)');
    const prepared = stmt.run(['prepared']);
    const exec = db.exec("INSERT INTO t (v) VALUES ('exec')");
    await new Promise((r) => setTimeout(r, 20));
    // Not written yet: it is queued behind the transaction, not joined to it.
    expect(await values(db)).toEqual(['tx']);
    release();
    await expect(tx).rejects.toThrow('boom');
    await Promise.all([plain, prepared, exec]);
    await stmt.finalize();
    expect(await values(db)).toEqual(['plain', 'prepared', 'exec']);
  });

  it('writes inside a transaction run at once, and a nested transaction joins the outer one', async () => {
    const { db } = await fresh();
    await db.transaction(async () => {
      await db.run("INSERT INTO t (v) VALUES ('a')");
      expect(db.inTransaction).toBe(true);
      await db.transaction(async () => {
        await db.run("INSERT INTO t (v) VALUES ('b')");
      });
    });
    expect(db.inTransaction).toBe(false);
    expect(await values(db)).toEqual(['a', 'b']);

    await expect(
      db.transaction(async () => {
        await db.transaction(async () => db.run("INSERT INTO t (v) VALUES ('c')"));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await values(db)).toEqual(['a', 'b']);
  });

  it('a write started from a transaction but run after it ends queues instead of riding along', async () => {
    const { db } = await fresh();
    let late: Promise<unknown> | null = null;
    await db.transaction(async () => {
      late = new Promise((r) => setTimeout(r, 10)).then(() => db.run("INSERT INTO t (v) VALUES ('late')"));
    });
    await late;
    expect(await values(db)).toEqual(['late']);
  });

  it('keeps going after a failed transaction and a failed write', async () => {
    const { db } = await fresh();
    await expect(db.run('INSERT INTO nope VALUES (1)')).rejects.toThrow();
    await expect(db.transaction(async () => db.run('INSERT INTO nope VALUES (1)'))).rejects.toThrow();
    await db.run("INSERT INTO t (v) VALUES ('ok')");
    expect(await values(db)).toEqual(['ok']);
  });

  it('close waits for queued writes', async () => {
    const { file, db } = await fresh();
    const w = db.run("INSERT INTO t (v) VALUES ('last')");
    await db.close();
    await w;
    const again = await Db.open(file);
    expect(await values(again)).toEqual(['last']);
    await again.close();
  });

  it('open does not leak the handle when a PRAGMA fails on a non-database', async () => {
    const { file } = await fresh();
    const junk = join(dirname(file), 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text long enough to fill a header page'.repeat(20));
    await expect(Db.open(junk)).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });
  });
});
