import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../contract/errors';

export type InstanceKind = 'electron' | 'devhost' | 'cli';
export const LOCK_FILE = 'zhb.lock';

export interface LockInfo {
  pid: number;
  startedAt: string;
  kind: InstanceKind;
}

export interface InstanceLock {
  readonly file: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

/** A lock file this young with no readable content may be another process between create and write. */
const FRESH_MS = 2_000;
/**
 * Lock files held by this process. A lock naming our own pid that is not in here was left by an
 * earlier process that had the same pid (common in containers), so it is stale.
 */
const heldHere = new Set<string>();

/** A takeover guard older than this was left by a crash in the middle of a takeover. */
const GUARD_STALE_MS = 10_000;

/**
 * One process per data folder across the desktop app, the browser host and the CLI (two would both
 * push the same staged change, review H3). `zhb.lock` is created exclusively and names its holder;
 * a lock whose process is gone (a crash) is taken over. Throws INSTANCE_RUNNING when the holder lives.
 *
 * With `exitHandlers`, the lock is released on process exit and on SIGINT/SIGTERM (then the process
 * exits 130/143); hosts with their own signal handling release via 'exit' after their process.exit.
 */
export function acquireInstanceLock(
  dataDir: string,
  kind: InstanceKind,
  opts: { exitHandlers?: boolean; signalHandlers?: boolean } = {},
): InstanceLock {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), kind };
  const content = JSON.stringify(info);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, content)) {
      heldHere.add(file);
      return holding(file, info, content, opts);
    }
    const seen = readLock(file);
    if (seen === 'gone') continue;
    if (seen === 'unreadable') {
      if (ageMs(file) < FRESH_MS) throw running(file, null);
    } else if (heldHere.has(file) || (seen.info.pid !== process.pid && isAlive(seen.info.pid))) {
      throw running(file, seen.info);
    }
    takeOver(file, seen === 'unreadable' ? null : seen.raw);
  }
  // Lost every race to other starting processes: one of them holds it now.
  const last = readLock(file);
  throw running(file, typeof last === 'object' ? last.info : null);
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockInfo(dataDir: string): LockInfo | null {
  const r = readLock(join(dataDir, LOCK_FILE));
  return typeof r === 'object' ? r.info : null;
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(file: string): { raw: string; info: LockInfo } | 'gone' | 'unreadable' {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    return typeof info.pid === 'number' ? { raw, info } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes a stale lock so the caller can retry the exclusive create. Two processes may judge the same
 * lock stale; a plain unlink could then delete the lock the faster one just created. So removal happens
 * only under a takeover guard (itself created exclusively), and only if the file still holds what was
 * judged stale.
 */
function takeOver(file: string, staleRaw: string | null): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (ageMs(guard) > GUARD_STALE_MS) unlinkQuiet(guard);
    return;
  }
  try {
    const now = readLock(file);
    const same = now === 'unreadable' ? staleRaw === null : typeof now === 'object' && now.raw === staleRaw;
    if (same) unlinkQuiet(file);
  } finally {
    closeSync(fd);
    unlinkQuiet(guard);
  }
}

function unlinkQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function running(file: string, info: LockInfo | null): AppError {
  return new AppError(
    'INSTANCE_RUNNING',
    `another instance holds ${file}${info ? ` (pid ${info.pid}, ${info.kind})` : ''}`,
    { details: { file, ...(info ?? {}) } },
  );
}

function holding(
  file: string,
  info: LockInfo,
  content: string,
  opts: { exitHandlers?: boolean; signalHandlers?: boolean },
): InstanceLock {
  let released = false;
  const onSignal = (sig: NodeJS.Signals) => {
    release();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const now = readLock(file);
    if (typeof now === 'object' && now.raw === content) unlinkQuiet(file);
  };
  if (opts.exitHandlers) process.on('exit', release);
  if (opts.signalHandlers) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return { file, info, release };
}
