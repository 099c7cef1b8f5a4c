import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ApiErrorCode, apiError } from './api/envelope';
import { creatorInfo } from './api/creator-info';
import { directInit, inboxInit } from './api/init';
import { cancel, statusFetch } from './api/status';
import { userInfo } from './api/user-info';
import type { Fault, FaultTarget } from './faults';
import {
  HOOK_PREFIX,
  type UploadReport,
  handleHook,
  injectFault,
  setOptions,
  statsSnapshot,
  uploadReport,
} from './hooks';
import { type Reply, drainBody, jsonReply, sendReply } from './http-io';
import { showAuthorize, submitAuthorize } from './oauth/authorize';
import { type OAuthError, oauthError, revoke, token } from './oauth/token';
import { type SandboxOptions, type SandboxOptionsPatch, resolveOptions } from './options';
import { finishDraft } from './processing';
import type { RouteContext } from './route-context';
import { type SandboxStats, SandboxState } from './state';
import { UPLOAD_PATH, uploadPut } from './upload/upload-host';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010: serves the authorize page, the API (/v2/...) and the upload host. */
  url: string;
  port: number;
  clientKey: string;
  clientSecret: string;
  /** `${url}/v2/auth/authorize/` */
  authorizeUrl: string;
  /** Closes the server, destroys open sockets and clears every timer. */
  close(): Promise<void>;
  stats(): SandboxStats;
  upload(publishId: string): UploadReport | undefined;
  injectFault(f: Fault): void;
  /** The creator posts the draft from the inbox: SEND_TO_USER_INBOX → PUBLISH_COMPLETE. Throws otherwise. */
  finishDraft(publishId: string): void;
  /** Forgets codes, tokens, tasks, rate windows, faults and stats; restores the start options and clock. */
  reset(): void;
  setOptions(patch: SandboxOptionsPatch): void;
  /** Moves the sandbox clock (on top of options.now), e.g. to expire tokens or upload URLs. */
  advanceClock(ms: number): void;
}

type Family = 'page' | 'oauth' | 'api' | 'upload';

interface Route {
  method: string;
  path: string;
  family: Family;
  fault?: FaultTarget;
  handler: (ctx: RouteContext, fault?: Fault) => Promise<Reply | null>;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/v2/auth/authorize/', family: 'page', handler: showAuthorize },
  { method: 'POST', path: '/v2/auth/authorize/', family: 'page', handler: submitAuthorize },
  { method: 'POST', path: '/v2/oauth/token/', family: 'oauth', fault: 'token', handler: token },
  { method: 'POST', path: '/v2/oauth/revoke/', family: 'oauth', handler: revoke },
  { method: 'GET', path: '/v2/user/info/', family: 'api', fault: 'user_info', handler: userInfo },
  {
    method: 'POST',
    path: '/v2/post/publish/creator_info/query/',
    family: 'api',
    fault: 'creator_info',
    handler: creatorInfo,
  },
  { method: 'POST', path: '/v2/post/publish/video/init/', family: 'api', fault: 'init', handler: directInit },
  { method: 'POST', path: '/v2/post/publish/inbox/video/init/', family: 'api', fault: 'init', handler: inboxInit },
  { method: 'POST', path: '/v2/post/publish/status/fetch/', family: 'api', fault: 'status', handler: statusFetch },
  { method: 'POST', path: '/v2/post/publish/cancel/', family: 'api', handler: cancel },
  { method: 'PUT', path: UPLOAD_PATH, family: 'upload', fault: 'upload', handler: uploadPut },
  // Browsers ask for it on the consent page; an empty answer keeps their consoles free of 404s.
  {
    method: 'GET',
    path: '/favicon.ico',
    family: 'page',
    handler: async () => ({ status: 204, headers: {}, body: '' }),
  },
];

function apiCodeFor(status: number): ApiErrorCode {
  if (status === 401) return 'access_token_invalid';
  if (status === 429) return 'rate_limit_exceeded';
  return status >= 500 ? 'internal_error' : 'invalid_params';
}

function oauthCodeFor(status: number): OAuthError {
  if (status === 503) return 'temporarily_unavailable';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

function injectedStatus(st: SandboxState, route: Route, status: number): Reply {
  if (route.family === 'oauth') return oauthError(st, oauthCodeFor(status), 'Injected fault.', status);
  return apiError(st, status, apiCodeFor(status), 'Injected fault.');
}

/** Resolves after `ms`, or as soon as the response is gone (client hung up, sandbox closed). */
function hold(ctx: RouteContext, ms: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    ctx.res.once('close', () => resolve());
    if (ms !== undefined) ctx.state.scheduleIo(ms, () => resolve());
  });
}

/** Reads up to `afterBytes` of the body, then cuts the connection as a flaky network would. */
function resetAfter(ctx: RouteContext, afterBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const { req } = ctx;
    let seen = 0;
    const cut = (): void => {
      req.socket.destroy();
      resolve();
    };
    if (afterBytes === 0) {
      cut();
      return;
    }
    req.on('data', (b: Buffer) => {
      seen += b.length;
      if (seen >= afterBytes) cut();
    });
    req.on('end', cut);
    req.on('error', () => resolve());
    req.on('close', () => resolve());
  });
}

async function runWithFault(ctx: RouteContext, route: Route, fault: Fault | undefined): Promise<Reply | null> {
  if (!fault) return route.handler(ctx);
  ctx.state.stats.faultsApplied += 1;
  ctx.logNote = `fault=${fault.kind}`;
  switch (fault.kind) {
    case 'status':
      await drainBody(ctx.req);
      return injectedStatus(ctx.state, route, fault.httpStatus ?? 500);
    case 'reset-mid-body':
      await resetAfter(ctx, fault.afterBytes ?? 0);
      return null;
    case 'stall':
      await drainBody(ctx.req);
      await hold(ctx, fault.ms);
      ctx.req.socket.destroy();
      return null;
    case 'delay': {
      const reply = await route.handler(ctx, fault);
      await hold(ctx, fault.ms);
      return reply;
    }
    case 'range-mismatch':
    case 'expire-url':
    case 'chunk-size-invalid':
      return route.handler(ctx, fault);
  }
}

async function dispatch(st: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  } catch {
    sendReply(res, jsonReply(400, { error: 'bad request target' }));
    return;
  }
  const path = url.pathname;
  const ctx: RouteContext = { req, res, url, state: st };
  let statKey = `${method} ${path}`;
  let reply: Reply | null;
  try {
    if (path.startsWith(HOOK_PREFIX)) {
      statKey = `${method} ${HOOK_PREFIX}${path.slice(HOOK_PREFIX.length).split('/')[0] ?? ''}`;
      reply = await handleHook(ctx, method, path);
    } else {
      const candidates = ROUTES.filter((r) => r.path === path);
      const route = candidates.find((r) => r.method === method);
      if (!route) {
        if (candidates.length === 0) statKey = `${method} (unknown)`;
        if (candidates.length > 0) {
          const refused = apiError(st, 405, 'method_not_allowed', 'Method not allowed.');
          reply = { ...refused, headers: { ...refused.headers, allow: candidates.map((r) => r.method).join(', ') } };
        } else {
          reply = apiError(st, 404, 'not_found', 'No such endpoint. Paths end with a slash, e.g. /v2/user/info/.');
        }
      } else {
        const fault = route.fault ? st.faults.take(route.fault) : undefined;
        reply = await runWithFault(ctx, route, fault);
      }
    }
  } catch (err) {
    st.log(`${method} ${path} crashed: ${err instanceof Error ? err.message : String(err)}`);
    reply = apiError(st, 500, 'internal_error', 'The sandbox failed to handle this request.');
  }
  st.stats.requests[statKey] = (st.stats.requests[statKey] ?? 0) + 1;
  if (reply) sendReply(res, reply);
  // The query string is never logged: it carries upload tokens, codes and states.
  const status = reply ? String(reply.status) : 'no-answer';
  const note = ctx.logNote ? ` ${ctx.logNote}` : '';
  st.log(`${method} ${path} ${status} ${Math.round(performance.now() - started)}ms${note}`);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts a sandbox on `options.port` (0 = any free port) and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const st = new SandboxState(resolved);
  const sockets = new Set<Socket>();
  // Chunks can be slow on purpose (throttling, stalls): Node's default 5-minute request timeout would cut them.
  const server = createServer({ requestTimeout: 0 }, (req, res) => {
    void dispatch(st, req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = resolved.publicUrl ?? `http://${displayHost(resolved.host)}:${port}`;
  st.baseUrl = url;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    clientKey: resolved.clientKey,
    clientSecret: resolved.clientSecret,
    authorizeUrl: `${url}/v2/auth/authorize/`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        st.close();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
    stats: () => statsSnapshot(st),
    upload: (publishId) => uploadReport(st, publishId),
    injectFault: (f) => injectFault(st, f),
    finishDraft(publishId) {
      const result = finishDraft(st, publishId);
      if (result !== 'ok') throw new Error(`tiktok-sandbox: cannot finish draft ${publishId}: ${result}`);
    },
    reset: () => st.reset(),
    setOptions: (patch) => setOptions(st, patch),
    advanceClock(ms) {
      st.clockOffsetMs += ms;
    },
  };
}
