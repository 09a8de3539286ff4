import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RawReply, type Ctx, type HandlerResult } from './context';
import type { SandboxCredentials } from './credentials';
import { ApiError, formatErrmsg } from './errors';
import { applyFault } from './fault-control';
import { normalizeIp, type Faults } from './faults';
import { gettoken } from './handlers/token';
import { handleMessagingControl } from './messaging/controls';
import type { Messaging } from './messaging';
import { gatewayErrorPage } from './reply-faults';
import { ROUTES } from './router';
import type { SandboxState } from './state';
import type { TokenStore } from './tokens';
import type { SeedData } from './types';

export interface ServerDeps {
  state: SandboxState;
  faults: Faults;
  messaging: Messaging;
  tokens: TokenStore;
  credentials: SandboxCredentials;
  reseed: () => SeedData;
  /** Serve the /__sandbox/* control plane (tests and `npm run sandbox`); off in 演示模式. */
  controls: boolean;
}

// a 20 MB file plus its multipart framing must fit; anything longer is cut and flagged
const MAX_BODY_BYTES = 21 * 1024 * 1024;

interface Body {
  bytes: Buffer;
  truncated: boolean;
}
/** a literal \uXXXX escape (not an escaped backslash followed by "u") */
const UNICODE_ESCAPE = /(?<!\\)(?:\\\\)*\\u[0-9a-fA-F]{4}/;

function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), truncated: size > MAX_BODY_BYTES }));
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

function sendResult(res: ServerResponse, result: HandlerResult | RawReply): void {
  if (result instanceof RawReply) {
    res.writeHead(result.status, { ...result.headers, 'Content-Length': String(result.body.length) });
    res.end(result.body);
    return;
  }
  const { errmsg, ...fields } = result;
  sendEnvelope(res, 0, errmsg ?? 'ok', fields);
}

/** A non-WeCom answer: what a gateway in front of WeCom sends when it fails. */
function sendHttpError(res: ServerResponse, status: number): void {
  const html = gatewayErrorPage(status);
  res.writeHead(status, {
    'Content-Type': 'text/html',
    'Content-Length': String(Buffer.byteLength(html)),
  });
  res.end(html);
}

/**
 * Runs the handler and answers with its result, unless an after-apply fault takes over: the
 * change stays applied while the client sees a reset, an errcode or a 5xx instead.
 */
function answer(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ip: string,
  run: () => HandlerResult | RawReply,
): void {
  const fault = deps.faults.takeAfterApply(path);
  if (!fault) return sendResult(res, run());
  try {
    run();
  } catch (e) {
    // the handler's own refusal is lost just like its success would be; crashes still surface
    if (!(e instanceof ApiError)) throw e;
  }
  switch (fault.kind) {
    case 'drop':
      req.socket.destroy();
      return;
    case 'errcode':
      return sendError(res, ip, new ApiError(fault.errcode));
    case 'http':
      return sendHttpError(res, fault.status);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** /__sandbox/*: plain JSON control plane for e2e, not part of the WeCom surface */
function control(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bodyText: string,
): void {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
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
        deps.messaging.reset();
        sendJson(res, 200, { ok: true });
        return;
      default: {
        const answer = handleMessagingControl(deps.messaging, deps.state, route, url, bodyText);
        if (answer) sendJson(res, 200, answer);
        else sendJson(res, 404, { ok: false, error: `unknown control endpoint ${route}` });
      }
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
  raw: Body,
): Promise<void> {
  const bodyText = raw.bytes.toString('utf8');
  const { faults, tokens, state } = deps;
  const path = url.pathname.slice('/cgi-bin/'.length).replace(/\/+$/, '');
  faults.recordCall(path);
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (faults.takeDrop(path)) {
    req.socket.destroy();
    return;
  }
  const httpStatus = faults.takeHttpError(path);
  if (httpStatus !== undefined) return sendHttpError(res, httpStatus);
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
    return answer(deps, req, res, path, ip, () =>
      gettoken(url.searchParams, ip, faults, tokens, deps.credentials),
    );

  const token = url.searchParams.get('access_token');
  if (!token) throw new ApiError(41001);
  const found = tokens.lookup(token);
  if (!found.ok) throw new ApiError(found.errcode);
  const { principal } = found;

  // 企业可信IP is enforced on business calls only; gettoken itself still succeeds (API.md §1.3)
  if (!faults.ipAllowed(principal.kind === 'contacts' ? 'contacts' : principal.agentid, ip))
    throw new ApiError(60020);
  if (principal.kind === 'app' && route.access === 'contacts') throw new ApiError(48002);
  if (principal.kind === 'contacts' && route.access === 'app') throw new ApiError(48002);
  if (principal.kind === 'contacts' && route.detail && faults.contactDetailsForbidden)
    throw new ApiError(48009);

  let body: Record<string, unknown> = {};
  if (route.method === 'POST' && !route.multipart) {
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

  const ctx: Ctx = {
    state,
    faults,
    messaging: deps.messaging,
    principal,
    query: url.searchParams,
    body,
    rawBody: bodyText,
    rawBuffer: raw.bytes,
    bodyTruncated: raw.truncated,
    contentType: req.headers['content-type'],
    rangeHeader: req.headers.range,
    ip,
  };
  answer(deps, req, res, path, ip, () => route.handler(ctx));
}

export function createSandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const ip = normalizeIp(req.socket.remoteAddress ?? '');
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      if (deps.controls && url.pathname.startsWith('/__sandbox/'))
        return control(deps, req, res, url, raw.bytes.toString('utf8'));
      if (!url.pathname.startsWith('/cgi-bin/')) {
        return sendError(res, ip, new ApiError(40058, {}, `invalid api path ${url.pathname}`), 404);
      }
      await handleCgi(deps, req, res, url, ip, raw);
    })().catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof ApiError) return sendError(res, ip, e);
      console.error('[sandbox] handler crashed', e);
      sendError(res, ip, new ApiError(-1));
    });
  });
}
