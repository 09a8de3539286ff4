import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile, withProductionMetaCsp } from './app-protocol';
import { PRODUCTION_CSP } from './window-options';

const dir = '/opt/app/out/renderer';
const files: Record<string, string> = {
  [`${dir}/index.html`]: readFileSync(
    fileURLToPath(new URL('../../src-renderer/index.html', import.meta.url)),
    'utf8',
  ),
  [`${dir}/assets/app.js`]: 'console.log(1)',
};

function setup() {
  const fetched: string[] = [];
  const handler = createAppProtocolHandler({
    rendererDir: dir,
    path: path.posix,
    toFileUrl: (f) => `file://${f}`,
    fetchFile: async (url) => {
      fetched.push(url);
      const body = files[url.slice('file://'.length)];
      return body === undefined
        ? new Response('', { status: 404 })
        : new Response(body, { headers: { 'Content-Type': 'text/javascript' } });
    },
  });
  return { handler, fetched };
}

describe('app:// protocol handler', () => {
  it('sets the production CSP header on every response', async () => {
    const { handler } = setup();
    for (const url of ['app://renderer/', 'app://renderer/assets/app.js', 'app://renderer/missing.js']) {
      const res = await handler({ url });
      expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(PRODUCTION_CSP).toContain("connect-src 'none'");
    expect(PRODUCTION_CSP).not.toContain('ws:');
  });

  it('serves files and rewrites the page’s meta CSP without the browser host’s ws source', async () => {
    const { handler, fetched } = setup();
    const js = await handler({ url: 'app://renderer/assets/app.js' });
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log(1)');
    const page = await (await handler({ url: 'app://renderer/index.html' })).text();
    expect(fetched).toEqual([`file://${dir}/assets/app.js`, `file://${dir}/index.html`]);
    expect(page).toContain('<div id="root">');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1];
    expect(meta).toContain("connect-src 'none'");
    expect(meta).not.toContain('ws://');
    expect(files[`${dir}/index.html`]).toContain('ws://127.0.0.1');
  });

  it('refuses other hosts, traversal and undecodable paths without reading a file', async () => {
    const { handler, fetched } = setup();
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(403);
    expect((await handler({ url: 'app://renderer/%2e%2e%2fsecrets.json' })).status).toBe(403);
    expect((await handler({ url: 'app://renderer/%E0%A4%A.js' })).status).toBe(400);
    expect(fetched).toEqual([]);
  });

  it('the path guard needs a separator: a sibling folder with the same prefix does not pass (L3)', () => {
    const win = 'C:\\app\\out\\renderer';
    expect(resolveAppFile(win, 'app://renderer/..%5Crenderer-evil%5Cx.js', path.win32)).toEqual({
      status: 403,
    });
    expect(resolveAppFile(win, 'app://renderer/assets/a.js', path.win32)).toEqual({
      file: 'C:\\app\\out\\renderer\\assets\\a.js',
    });
    // Dot segments are already resolved by the URL parser; encoded separators are not.
    expect(resolveAppFile(dir, 'app://renderer/../renderer-evil/x.js', path.posix)).toEqual({
      file: `${dir}/renderer-evil/x.js`,
    });
    expect(resolveAppFile(dir, 'app://renderer/%2e%2e%2frenderer-evil/x.js', path.posix)).toEqual({
      status: 403,
    });
  });

  it('leaves a page without a meta CSP unchanged', () => {
    expect(withProductionMetaCsp('<html></html>')).toBe('<html></html>');
  });
});
