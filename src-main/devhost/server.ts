import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../compose';
import type { Logger } from '../platform/logger';
import { serveStatic } from './static';

export interface Devhost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** True when running from a packaged app (inside app.asar or under Electron): the devhost must not. */
export function isPackaged(): boolean {
  return Boolean(process.versions.electron) || import.meta.url.includes('app.asar');
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The browser host: the renderer over HTTP and the contract over one WebSocket, on 127.0.0.1
 * only, guarded by a random token, an Origin check and a Host allowlist.
 */
export async function startDevhost(opts: {
  services: Services;
  rendererDir: string;
  port: number;
  logger: Logger;
  testRoutes?: (path: string) => Promise<unknown> | null;
}): Promise<Devhost> {
  if (isPackaged())
    throw new Error('the browser host is a development and test tool and refuses to run packaged');
  const token = randomBytes(24).toString('base64url');
  let port = opts.port;
  const csp = () =>
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
  const statics = serveStatic(opts.rendererDir, csp);
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 would send its own Host.
  const okHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!okHost(req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('misdirected request');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/__test/')) {
      // Test controls exist only when the host was started with them (ZHB_TEST_CONTROLS=1).
      const out = opts.testRoutes?.(path);
      if (!out) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      void out.then(
        (v) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(v ?? null)),
        (e: Error) => res.writeHead(500).end(e.message),
      );
      return;
    }
    statics(req, res);
  };
  const server: Server = createServer((req, res) => {
    // A malformed request line must cost one answer, never the process (review M2).
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad request');
    }
  });
  // a 20 MB attachment travels as ~27 MB of base64 (notices.attach)
  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin ?? '';
    const okOrigin = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    const ok =
      url.pathname === '/ws' &&
      okHost(req.headers.host) &&
      okOrigin &&
      sameToken(url.searchParams.get('token') ?? '', token);
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  const sockets = new Set<WebSocket>();
  const off = opts.services.bus.listen((name, payload) => {
    const msg = JSON.stringify({ t: 'event', name, payload });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(msg);
  });
  const attach = (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      let msg: { t?: unknown; id?: unknown; method?: unknown; input?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return;
      }
      if (msg.t !== 'call' || typeof msg.id !== 'number') return;
      void opts.services.dispatch(String(msg.method), msg.input).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id: msg.id, result }));
      });
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      off();
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
