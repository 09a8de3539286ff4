import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { request, type IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';
import { servicesHarness, type Harness } from '../test-support/services-harness';
import { testRoutesFor } from './main';
import { startDevhost, type Devhost } from './server';

let h: Harness | null = null;
let host: Devhost | null = null;
let dir = '';
afterEach(async () => {
  await host?.close();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup(testRoutes?: (path: string) => Promise<unknown> | null) {
  h = await servicesHarness();
  dir = mkdtempSync(join(tmpdir(), 'zhb-rend-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<html lang="zh-CN">ok</html>');
  host = await startDevhost({
    services: h.services,
    rendererDir: dir,
    port: 0,
    logger: h.logger,
    ...(testRoutes ? { testRoutes } : {}),
  });
  return host;
}

/** A raw GET (fetch would normalise the path and refuses to set Host). */
const get = (port: number, path: string, hostHeader = `127.0.0.1:${port}`) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

const connect = (url: string, origin: string, headers: Record<string, string> = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });

describe('browser host', () => {
  it('binds to 127.0.0.1 with a random token and serves the renderer with a CSP', async () => {
    const d = await setup();
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const res = await fetch(`http://127.0.0.1:${d.port}/`);
    expect(await res.text()).toContain('zh-CN');
    expect(res.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ws://127.0.0.1:${d.port}`,
    );
    // Encoded traversal must not leave the renderer folder.
    const evil = await fetch(`http://127.0.0.1:${d.port}/..%2f..%2f..%2f..%2fetc%2fpasswd.js`);
    expect(evil.status).toBe(404);
  });

  it('refuses sockets without the token or from another origin', async () => {
    const d = await setup();
    const origin = `http://127.0.0.1:${d.port}`;
    await expect(connect(`ws://127.0.0.1:${d.port}/ws?token=wrong`, origin)).rejects.toThrow(/403/);
    await expect(
      connect(`ws://127.0.0.1:${d.port}/ws?token=${d.token}`, 'http://evil.example'),
    ).rejects.toThrow(/403/);
  });

  it('carries calls and events over the socket', async () => {
    const d = await setup();
    const ws = await connect(`ws://127.0.0.1:${d.port}/ws?token=${d.token}`, `http://127.0.0.1:${d.port}`);
    const messages: Array<{ t: string; id?: number; result?: { ok: boolean }; name?: string }> = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m)) as (typeof messages)[number]));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'app.getStatus', input: {} }));
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'org.startSync', input: {} }));
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 'no.such', input: {} }));
    await expect
      .poll(() => messages.some((m) => m.t === 'event' && m.name === 'job.finished'), { timeout: 15_000 })
      .toBe(true);
    expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ ok: true, value: { mode: 'demo' } });
    expect(messages.find((m) => m.id === 3)?.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(messages.some((m) => m.t === 'event' && m.name === 'job.progressed')).toBe(true);
    ws.close();
  });

  it('answers a malformed URL with 400 and keeps serving (review M2)', async () => {
    const d = await setup();
    expect((await get(d.port, '/%E0%A4%A.js')).status).toBe(400);
    expect((await get(d.port, '/%')).status).toBe(400);
    expect((await get(d.port, '/')).status).toBe(200);
  });

  it('answers only for 127.0.0.1:<port> and localhost:<port> (DNS rebinding)', async () => {
    const d = await setup();
    expect((await get(d.port, '/', `localhost:${d.port}`)).status).toBe(200);
    for (const host of [`evil.example:${d.port}`, 'evil.example', `127.0.0.1:${d.port + 1}`, '127.0.0.1']) {
      const res = await get(d.port, '/', host);
      expect(res.status).toBe(421);
      expect(res.body).not.toContain('zh-CN');
    }
    const origin = `http://127.0.0.1:${d.port}`;
    await expect(
      connect(`ws://127.0.0.1:${d.port}/ws?token=${d.token}`, origin, { Host: `evil.example:${d.port}` }),
    ).rejects.toThrow(/403/);
  });

  it('sends Referrer-Policy: no-referrer on every answer', async () => {
    const d = await setup();
    for (const [path, host] of [
      ['/', `127.0.0.1:${d.port}`],
      ['/missing.js', `127.0.0.1:${d.port}`],
      ['/', 'evil.example'],
    ] as const) {
      expect((await get(d.port, path, host)).headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('has /__test/ routes only when started with them, i.e. with ZHB_TEST_CONTROLS=1', async () => {
    expect(testRoutesFor({})).toBeNull();
    expect(testRoutesFor({ ZHB_TEST_CONTROLS: '0' })).toBeNull();
    expect(testRoutesFor({ ZHB_TEST_CONTROLS: '1' })).toBeTypeOf('function');
    const d = await setup();
    const off = await get(d.port, '/__test/demo-sandbox');
    expect(off.status).toBe(404);
    expect(off.body).not.toContain('zh-CN');
    await host!.close();
    host = null;
    await h!.close();
    h = null;
    const on = await setup((path) => (path === '/__test/ping' ? Promise.resolve({ pong: true }) : null));
    expect(JSON.parse((await get(on.port, '/__test/ping')).body)).toEqual({ pong: true });
    expect((await get(on.port, '/__test/other')).status).toBe(404);
  });
});
