import { RotatingLogFile, type LogFileOptions } from './log-file';
import { redact } from './redact';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Every line passes through `redact`, so a token or secret that slips into a message or its data
 * never reaches the file or the console.
 */
export function createLogger(
  opts: { file?: string; level?: Level; console?: boolean; rotation?: LogFileOptions } = {},
): Logger & {
  lines: string[];
  /** Resolves once every line so far is in the file; call before a planned exit. */
  flush(): Promise<void>;
} {
  const min = order[opts.level ?? 'info'];
  const lines: string[] = [];
  // Buffered, asynchronous and rotated (5 MB × 3 files): a log line never blocks the main thread.
  const file = opts.file ? new RotatingLogFile(opts.file, opts.rotation) : null;
  const write = (level: Level, msg: string, data?: unknown) => {
    if (order[level] < min) return;
    const extra = data === undefined ? '' : ' ' + safeJson(data);
    const line = redact(`${new Date().toISOString()} ${level.toUpperCase()} ${msg}${extra}`);
    lines.push(line);
    if (lines.length > 500) lines.shift();
    file?.write(line);
    if (opts.console) process.stderr.write(line + '\n');
  };
  return {
    lines,
    flush: () => file?.flush() ?? Promise.resolve(),
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

function safeJson(v: unknown): string {
  if (v instanceof Error)
    return JSON.stringify({ name: v.name, message: v.message, code: (v as { code?: unknown }).code });
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
