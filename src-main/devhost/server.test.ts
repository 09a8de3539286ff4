import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { servicesHarness, type Harness } from '../test-support/services-harness';
import { startDevhost, type Devhost } from './server';

let h: Harness | null = null;
let host: Devhost | null = null;
let dir = '';
afterEach(async () => {
  await host?.close();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  h = await servicesHarness();
  dir = mkdtempSync(join(tmpdir(), 'zhb-rend-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<html lang="zh-CN">ok</html>');
  host = await startDevhost({ services: h.services, rendererDir: dir, port: 0, logger: h.logger });
  return host;
}

const connect = (url: string, origin: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
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
});
