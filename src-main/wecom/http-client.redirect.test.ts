import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger';
import { WecomHttp } from './http-client';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler!(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('WecomHttp redirects', () => {
  it('never follows a redirect, so the secret in the query cannot be carried elsewhere', async () => {
    const elsewhere = await listen((_req, res) => res.end('{"errcode":0,"access_token":"x"}'));
    const api = await listen((req, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}${req.url}` }).end();
    });
    const http = new WecomHttp({ baseURL: api.url, logger: createLogger(), retries: 0 });
    const cred = { corpId: 'wwcorp', secret: 'redirect-secret-value', label: 'test' };
    await expect(http.get(cred, 'department/list')).rejects.toThrow(/302/);
    expect(api.hits).toHaveLength(1);
    expect(api.hits[0]).toContain('gettoken');
    expect(elsewhere.hits).toEqual([]);
  });
});
