import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, isAlive, LOCK_FILE, readLockInfo, type InstanceLock } from './instance-lock';

let dir: string;
const held: InstanceLock[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhb-lock-'));
});
afterEach(() => {
  for (const l of held.splice(0)) l.release();
  rmSync(dir, { recursive: true, force: true });
});
const take = (kind: 'cli' | 'devhost' | 'electron' = 'cli') => {
  const l = acquireInstanceLock(dir, kind);
  held.push(l);
  return l;
};
/** The pid of a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('instance lock', () => {
  it('writes pid, start time and kind; a second acquire is refused with INSTANCE_RUNNING', () => {
    const l = take('devhost');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      kind: 'devhost',
    });
    expect(readLockInfo(dir)).toEqual(l.info);
    expect(() => acquireInstanceLock(dir, 'cli')).toThrow(
      expect.objectContaining({
        code: 'INSTANCE_RUNNING',
        details: expect.objectContaining({ pid: process.pid, kind: 'devhost' }),
      }),
    );
  });

  it('release removes the file, and the folder can be locked again', () => {
    const l = take();
    l.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    l.release();
    take();
  });

  it('release leaves a lock that is no longer ours alone', () => {
    const l = take();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, startedAt: 'x', kind: 'cli' }));
    l.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it('takes over a stale lock left by a crashed process', () => {
    const pid = deadPid();
    expect(isAlive(pid)).toBe(false);
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00Z', kind: 'cli' }),
    );
    const l = take('devhost');
    expect(readLockInfo(dir)).toEqual(l.info);
    expect(existsSync(join(dir, `${LOCK_FILE}.takeover`))).toBe(false);
  });

  it('takes over a lock naming our own pid that this process does not hold (pid reuse)', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, startedAt: 'x', kind: 'cli' }));
    expect(take().info.pid).toBe(process.pid);
  });

  it('an unreadable lock is respected while fresh and taken over once old', () => {
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, '');
    expect(() => acquireInstanceLock(dir, 'cli')).toThrow(
      expect.objectContaining({ code: 'INSTANCE_RUNNING' }),
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    take();
  });

  it('refuses when the holder is alive in another process', () => {
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, startedAt: 'x', kind: 'electron' }),
    );
    expect(() => acquireInstanceLock(dir, 'cli')).toThrow(
      expect.objectContaining({ code: 'INSTANCE_RUNNING' }),
    );
  });

  it('is released when the holding process exits', () => {
    const script = `import('${join(process.cwd(), 'src-main/platform/node/instance-lock.ts').replace(/\\/g, '/')}').then((m) => {
      m.acquireInstanceLock(${JSON.stringify(dir)}, 'cli', { exitHandlers: true });
      process.stdout.write(require('node:fs').existsSync(${JSON.stringify(join(dir, LOCK_FILE))}) ? 'held' : 'none');
    });`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(r.stdout).toBe('held');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
