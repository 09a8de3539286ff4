import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Ctx, HandlerResult } from './context';
import type { SandboxCredentials } from './credentials';
import { ApiError, formatErrmsg } from './errors';
import { normalizeIp, type Faults } from './faults';
import { gettoken } from './handlers/token';
import { ROUTES } from './router';
import type { SandboxState } from './state';
import type { TokenStore } from './tokens';
import type { SeedData } from './types';

export interface ServerDeps {
  state: SandboxState;
  faults: Faults;
  tokens: TokenStore;
  credentials: SandboxCredentials;
  reseed: () => SeedData;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** a literal \uXXXX escape (not an escaped backslash followed by "u") */
const UNICODE_ESCAPE = /(?<!\\)(?:\\\\)*\\u[0-9a-fA-F]{4}/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // JSON.stringify leaves non-ASCII raw, as WeCom does
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(json)),
    ...headers,
  });
  res.end(json);
}

/** The WeCom envelope; Error-Code / Error-Msg headers mirror the body as in the real 60111 capture. */
function sendEnvelope(
  res: ServerResponse,
  errcode: number,
  errmsg: string,
  fields: Record<string, unknown>,
  status = 200,
): void {
  sendJson(
    res,
    status,
    { errcode, errmsg, ...fields },
    { 'Error-Code': String(errcode), 'Error-Msg': errmsg },
  );
}

function sendError(res: ServerResponse, ip: string, err: ApiError, status = 200): void {
  sendEnvelope(res, err.errcode, formatErrmsg(err.errcode, ip, err.message), err.extra, status);
}

function sendResult(res: ServerResponse, result: HandlerResult): void {
  const { errmsg, ...fields } = result;
  sendEnvelope(res, 0, errmsg ?? 'ok', fields);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const FaultAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('expireTokens') }),
  z.object({ action: z.literal('invalidateTokens') }),
  z.object({
    action: z.literal('failNext'),
    path: z.string(),
    errcode: z.number().int(),
    count: z.number().int().positive().optional(),
  }),
  z.object({ action: z.literal('setLatency'), ms: z.number().min(0) }),
  z.object({
    action: z.literal('dropConnections'),
    path: z.string().nullable().optional(),
    count: z.number().int().positive(),
  }),
  z.object({
    action: z.literal('setTrustedIps'),
    target: z.union([z.literal('contacts'), z.number().int()]),
    ips: z.array(z.string()).nullable(),
  }),
  z.object({ action: z.literal('forbidContactDetails'), on: z.boolean() }),
  z.object({ action: z.literal('setRateLimit'), perMinute: z.number().int().positive().nullable() }),
  z.object({ action: z.literal('setWrongSecretLimit'), perHour: z.number().int().positive().nullable() }),
  z.object({ action: z.literal('callCount'), path: z.string().optional() }),
  z.object({ action: z.literal('reset') }),
]);

function applyFault(faults: Faults, bodyText: string): Record<string, unknown> {
  const a = FaultAction.parse(JSON.parse(bodyText || '{}'));
  switch (a.action) {
    case 'expireTokens':
      faults.expireTokens();
      break;
    case 'invalidateTokens':
      faults.invalidateTokens();
      break;
    case 'failNext':
      faults.failNext(a.path, a.errcode, a.count);
      break;
    case 'setLatency':
      faults.setLatency(a.ms);
      break;
    case 'dropConnections':
      faults.dropConnections(a.path ?? null, a.count);
      break;
    case 'setTrustedIps':
      faults.setTrustedIps(a.target, a.ips);
      break;
    case 'forbidContactDetails':
      faults.forbidContactDetails(a.on);
      break;
    case 'setRateLimit':
      faults.setRateLimit(a.perMinute);
      break;
    case 'setWrongSecretLimit':
      faults.setWrongSecretLimit(a.perHour);
      break;
    case 'callCount':
      return a.path === undefined ? { counts: faults.callCount() } : { count: faults.callCount(a.path) };
    case 'reset':
      faults.reset();
      break;
  }
  return {};
}

/** /__sandbox/*: plain JSON control plane for e2e, not part of the WeCom surface */
function control(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  bodyText: string,
): void {
  const route = `${req.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'POST /__sandbox/faults':
        sendJson(res, 200, { ok: true, ...applyFault(deps.faults, bodyText) });
        return;
      case 'GET /__sandbox/state':
        sendJson(res, 200, deps.state.snapshot());
        return;
      case 'GET /__sandbox/credentials':
        sendJson(res, 200, deps.credentials);
        return;
      case 'POST /__sandbox/reset':
        // data and faults go back to the seed; issued tokens stay valid so clients keep working
        deps.state.load(deps.reseed());
        deps.faults.reset();
        sendJson(res, 200, { ok: true });
        return;
      default:
        sendJson(res, 404, { ok: false, error: `unknown control endpoint ${route}` });
    }
  } catch (e) {
    sendJson(res, 400, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

async function handleCgi(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ip: string,
  bodyText: string,
): Promise<void> {
  const { faults, tokens, state } = deps;
  const path = url.pathname.slice('/cgi-bin/'.length).replace(/\/+$/, '');
  faults.recordCall(path);
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (faults.takeDrop(path)) {
    req.socket.destroy();
    return;
  }
  const injected = faults.takeFailure(path);
  if (injected !== undefined) return sendError(res, ip, new ApiError(injected));

  const route = ROUTES[path];
  if (path !== 'gettoken' && !route) {
    // Unknown API: real WeCom's answer for a bogus cgi path is not documented. We use HTTP 404
    // (clients treat non-200 as a transport failure) with a WeCom-style JSON body, errcode 40058.
    return sendError(res, ip, new ApiError(40058, {}, `invalid api path /cgi-bin/${path}`), 404);
  }
  if (faults.rateLimited(path)) return sendError(res, ip, new ApiError(45009));
  if (path === 'gettoken' || !route)
    return sendResult(res, gettoken(url.searchParams, ip, faults, tokens, deps.credentials));

  const token = url.searchParams.get('access_token');
  if (!token) throw new ApiError(41001);
  const found = tokens.lookup(token);
  if (!found.ok) throw new ApiError(found.errcode);
  const { principal } = found;

  // 企业可信IP is enforced on business calls only; gettoken itself still succeeds (API.md §1.3)
  if (!faults.ipAllowed(principal.kind === 'contacts' ? 'contacts' : principal.agentid, ip))
    throw new ApiError(60020);
  if (principal.kind === 'app' && route.access === 'contacts') throw new ApiError(48002);
  if (principal.kind === 'contacts' && route.detail && faults.contactDetailsForbidden)
    throw new ApiError(48009);

  let body: Record<string, unknown> = {};
  if (route.method === 'POST') {
    // a POST API called with GET has no body to read: WeCom answers 40058 (errcode page, item 5)
    if (req.method !== 'POST') throw new ApiError(40058);
    if (UNICODE_ESCAPE.test(bodyText)) throw new ApiError(40033);
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      throw new ApiError(40058);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(40058);
    body = parsed as Record<string, unknown>;
  }
  // GET APIs also accept POST (parameters are read from the query string either way)

  const ctx: Ctx = { state, faults, principal, query: url.searchParams, body, ip };
  sendResult(res, route.handler(ctx));
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const ip = normalizeIp(req.socket.remoteAddress ?? '');
    void (async () => {
      const bodyText = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      if (url.pathname.startsWith('/__sandbox/')) return control(deps, req, res, url.pathname, bodyText);
      if (!url.pathname.startsWith('/cgi-bin/')) {
        return sendError(res, ip, new ApiError(40058, {}, `invalid api path ${url.pathname}`), 404);
      }
      await handleCgi(deps, req, res, url, ip, bodyText);
    })().catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof ApiError) return sendError(res, ip, e);
      console.error('[sandbox] handler crashed', e);
      sendError(res, ip, new ApiError(-1));
    });
  });
}
