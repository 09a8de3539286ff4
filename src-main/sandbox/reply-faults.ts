import { STATUS_CODES } from 'node:http';

/**
 * What replaces a handler's answer after it has applied its change. These model the worst case
 * for a write path: WeCom did the work but the client cannot tell (reset, -1, gateway 5xx).
 */
export type AfterApply =
  { kind: 'drop' } | { kind: 'errcode'; errcode: number } | { kind: 'http'; status: number };

interface Entry<T> {
  path: string | null;
  remaining: number;
  value: T;
}

/** Count-limited faults keyed by API path (null = any path); the oldest matching entry fires first. */
export class PathQueue<T> {
  private entries: Entry<T>[] = [];

  add(path: string | null, count: number, value: T): void {
    // a zero or fractional count would queue a fault that silently never (or always) fires
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer: ${count}`);
    this.entries.push({ path, remaining: count, value });
  }

  take(path: string): T | undefined {
    const e = this.entries.find((x) => x.path === null || x.path === path);
    if (!e) return undefined;
    e.remaining--;
    if (e.remaining <= 0) this.entries = this.entries.filter((x) => x !== e);
    return e.value;
  }

  clear(): void {
    this.entries = [];
  }
}

export function assertServerErrorStatus(status: number): void {
  // only 5xx: a 4xx from the gateway would be a client bug, not the transient failure modelled here
  if (!Number.isInteger(status) || status < 500 || status > 599)
    throw new RangeError(`status must be an HTTP 5xx: ${status}`);
}

/** The kind of page a reverse proxy in front of WeCom answers with, not a WeCom JSON envelope. */
export function gatewayErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Server Error'}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}
