// Helpers shared by the sandbox tests: talk to a running sandbox over real HTTP with global fetch.
import type { RunningSandbox } from './index';

// Response bodies are dynamic JSON; tests index into them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: Loose;
  text: string;
}

export interface CallOptions {
  token?: string;
  query?: Record<string, string | number>;
  /** JSON-encoded and sent with POST */
  body?: unknown;
  /** sent verbatim with POST */
  rawBody?: string;
  method?: 'GET' | 'POST';
}

export async function api(sb: RunningSandbox, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const url = new URL(`/cgi-bin/${path}`, sb.url);
  if (opts.token !== undefined) url.searchParams.set('access_token', opts.token);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  const method = opts.method ?? (hasBody ? 'POST' : 'GET');
  const res = await fetch(url, {
    method,
    ...(method === 'POST'
      ? {
          body: opts.rawBody ?? JSON.stringify(opts.body ?? {}),
          headers: { 'Content-Type': 'application/json' },
        }
      : {}),
  });
  const text = await res.text();
  let json: Loose = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // non-JSON bodies are asserted on via `text`
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function getToken(sb: RunningSandbox, secret = sb.credentials.contactsSecret): Promise<string> {
  const r = await api(sb, 'gettoken', { query: { corpid: sb.credentials.corpId, corpsecret: secret } });
  if (r.json.errcode !== 0) throw new Error(`gettoken failed: ${r.text}`);
  return r.json.access_token as string;
}

export function appSecret(sb: RunningSandbox, agentid: number): string {
  const app = sb.credentials.apps.find((a) => a.agentid === agentid);
  if (!app) throw new Error(`no app ${agentid}`);
  return app.secret;
}

export const ERRMSG_RE =
  /^.+, hint: \[\d{25}\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=-?\d+$/;
