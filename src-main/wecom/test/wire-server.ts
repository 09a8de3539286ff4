import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

/**
 * A scripted HTTP peer for replaying exact wire bodies (fixtures, quirks) that the sandbox would
 * never produce. `reply` decides each answer; `drop` closes the socket without a response (a reset
 * after the request arrived); `hang` never answers (the client times out).
 */
export async function wireServer(
  reply: (s: Seen, n: number) => { status?: number; body: unknown } | 'drop' | 'hang',
  opts: { port?: number } = {},
) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const s: Seen = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body };
      seen.push(s);
      const r = reply(s, seen.length);
      if (r === 'drop') {
        req.socket.destroy();
        return;
      }
      if (r === 'hang') return;
      res.writeHead(r.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
