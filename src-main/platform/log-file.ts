import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { appendFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LogFileOptions {
  /** Rotate before a write would take the current file past this size. Default 5 MB. */
  maxBytes?: number;
  /** Files kept, the current one included: main.log, main.log.1, main.log.2. Default 3, at least 2. */
  files?: number;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_FILES = 3;

/** Every open log file, so the process 'exit' hook can write out what is still buffered. */
const openFiles = new Set<RotatingLogFile>();
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const f of openFiles) f.flushSync();
  });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * An append-only log file that never blocks the main thread on a write: lines are buffered and
 * appended asynchronously, one write at a time, in order. Before the file would outgrow maxBytes it
 * is rotated (main.log → main.log.1 → main.log.2, the oldest dropped). On process exit anything
 * still buffered is written synchronously, since no async work runs after 'exit'.
 * A full or read-only disk loses lines but never throws into the caller.
 */
export class RotatingLogFile {
  private pending: string[] = [];
  private size: number;
  private writing: Promise<void> | null = null;
  private readonly maxBytes: number;
  private readonly files: number;

  constructor(
    readonly file: string,
    opts: LogFileOptions = {},
  ) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.files = Math.max(2, opts.files ?? DEFAULT_LOG_FILES);
    mkdirSync(dirname(file), { recursive: true });
    this.size = sizeOf(file);
    openFiles.add(this);
    hookExit();
  }

  write(line: string): void {
    this.pending.push(line);
    this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  /** Resolves once every line written so far is on disk (or was lost to a write error). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes what is still buffered, synchronously: only for process exit. */
  flushSync(): void {
    const chunk = this.take();
    if (!chunk) return;
    try {
      if (this.needsRotation(chunk.bytes)) this.rotateSync();
      appendFileSync(this.file, chunk.text);
      this.size += chunk.bytes;
    } catch {
      /* a full disk must not take the app down */
    }
  }

  /** Stops tracking the file for the exit hook after writing what is buffered. */
  async close(): Promise<void> {
    await this.flush();
    openFiles.delete(this);
  }

  private async drain(): Promise<void> {
    // Let the rest of this tick's lines join the first write.
    await new Promise<void>((r) => setImmediate(r));
    for (let chunk = this.take(); chunk; chunk = this.take()) {
      try {
        if (this.needsRotation(chunk.bytes)) await this.rotate();
        await appendFile(this.file, chunk.text);
        this.size += chunk.bytes;
      } catch {
        /* a full disk must not take the app down */
      }
    }
  }

  private take(): { text: string; bytes: number } | null {
    if (this.pending.length === 0) return null;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    return { text, bytes: Buffer.byteLength(text) };
  }

  private needsRotation(bytes: number): boolean {
    return this.size > 0 && this.size + bytes > this.maxBytes;
  }

  /** main.log.(n-2) → main.log.(n-1) … main.log → main.log.1; rename replaces the oldest. */
  private renames(): Array<[string, string]> {
    const name = (i: number) => (i === 0 ? this.file : `${this.file}.${i}`);
    const out: Array<[string, string]> = [];
    for (let i = this.files - 1; i >= 1; i--) out.push([name(i - 1), name(i)]);
    return out;
  }

  private async rotate(): Promise<void> {
    for (const [from, to] of this.renames()) await rename(from, to).catch(() => undefined);
    this.size = sizeOf(this.file);
  }

  private rotateSync(): void {
    for (const [from, to] of this.renames()) {
      try {
        renameSync(from, to);
      } catch {
        /* missing older file */
      }
    }
    this.size = sizeOf(this.file);
  }
}
