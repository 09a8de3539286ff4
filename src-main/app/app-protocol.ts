import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, META_CSP, PRODUCTION_CSP } from './window-options';

/** The subset of node:path the guard needs; tests pass path.win32 to check Windows separators. */
type PathLike = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

export interface AppProtocolDeps {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** Reads a file:// URL; Electron's net.fetch in the app, a fake in tests. */
  fetchFile: (fileUrl: string) => Promise<Response>;
  path?: PathLike;
  toFileUrl?: (file: string) => string;
}

/**
 * Maps an app://renderer/… URL to a file inside the renderer folder, or explains why not:
 * another host, an undecodable path, or a path that leaves the folder (checked with
 * path.relative, so a sibling such as renderer-evil/ does not pass as a prefix match would).
 */
export function resolveAppFile(
  rendererDir: string,
  rawUrl: string,
  path: PathLike = nodePath,
): { file: string } | { status: 400 | 403 | 404 } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST) return { status: 403 };
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0')) return { status: 400 };
  const file = path.join(rendererDir, rel);
  const inside = path.relative(rendererDir, file);
  if (!inside || inside === '..' || inside.startsWith('..' + path.sep) || path.isAbsolute(inside))
    return { status: 403 };
  return { file };
}

const META_CSP_TAG = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")[^"]*(")/i;

/**
 * Replaces the page's meta-tag CSP (written for the browser host, so it allows its loopback
 * WebSocket) with the production policy: under Electron nothing may be fetched at all.
 */
export function withProductionMetaCsp(html: string): string {
  return html.replace(META_CSP_TAG, `$1${META_CSP}$2`);
}

const securityHeaders = {
  'Content-Security-Policy': PRODUCTION_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/**
 * The `protocol.handle('app', …)` handler. Electron emits no webRequest header events for custom
 * protocols (review M1), so the CSP header is set on the Response itself, for every answer.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (req: { url: string }) => Promise<Response> {
  const path = deps.path ?? nodePath;
  const toFileUrl = deps.toFileUrl ?? ((f: string) => pathToFileURL(f).toString());
  return async (req) => {
    const r = resolveAppFile(deps.rendererDir, req.url, path);
    if ('status' in r) return plain(r.status, r.status === 400 ? 'bad request' : 'forbidden');
    let res: Response;
    try {
      res = await deps.fetchFile(toFileUrl(r.file));
    } catch {
      return plain(404, 'not found');
    }
    if (!res.ok) return plain(404, 'not found');
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(securityHeaders)) headers.set(k, v);
    if (r.file.endsWith('.html')) {
      headers.set('Content-Type', 'text/html; charset=utf-8');
      return new Response(withProductionMetaCsp(await res.text()), { status: 200, headers });
    }
    return new Response(res.body, { status: res.status, headers });
  };
}
