import { videoMimeTypeOfName } from '@content-studio/contract';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';

export type StaticServerOptions = {
  /** The built SPA, e.g. apps/web/dist. */
  root: string;
  /**
   * Origin of the proxy (http://127.0.0.1:PORT). `/api/*` and `/healthz` are streamed to it, as
   * the Vite dev server does, so the SPA built with the default same-origin API base works as is.
   */
  apiUpstream?: string;
  /** Added to every file response, e.g. the security headers and CSP of the production host. */
  headers?: Record<string, string>;
};

export type StaticServer = {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  /**
   * Points the API routes at a proxy after start-up: the proxy needs this server's origin in its
   * own configuration (allowed origins, OAuth redirect URI), so it can only start afterwards.
   */
  setApiUpstream(origin: string | undefined): void;
  /**
   * Replaces the extra file headers after start-up: a header that names another server of the
   * stack (a CSP listing the sandbox's origin, say) can only be written once that server listens.
   */
  setHeaders(headers: Record<string, string>): void;
  close(): Promise<void>;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Headers that describe one connection, not the message; a proxy must not pass them on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function isApiPath(pathname: string): boolean {
  return pathname === '/healthz' || pathname.startsWith('/api/');
}

/** Serves a built SPA on 127.0.0.1 (port chosen by the OS) the way the production host does. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  let extraHeaders = options.headers ?? {};
  let apiUpstream = options.apiUpstream ? new URL(options.apiUpstream) : undefined;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (isApiPath(url.pathname)) {
      if (apiUpstream) forward(req, res, apiUpstream);
      // Like a reverse proxy with its upstream down: a non-JSON 502, never the SPA's index.html,
      // which the browser would otherwise take for a successful API answer.
      else sendText(res, 502, 'Bad Gateway: no API upstream is configured.');
      return;
    }
    serveFile(root, url.pathname, req, res, extraHeaders).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    setApiUpstream(origin) {
      apiUpstream = origin ? new URL(origin) : undefined;
    },
    setHeaders(headers) {
      extraHeaders = { ...headers };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from the browser would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function serveFile(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders: Record<string, string>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, 'Method Not Allowed');
    return;
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendText(res, 400, 'Bad Request');
    return;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  // normalize() already removes "..", this also rejects anything that still resolves outside root.
  if (file !== root && !file.startsWith(root + path.sep)) {
    sendText(res, 403, 'Forbidden');
    return;
  }

  let target = await resolveFile(file);
  if (!target) {
    // SPA fallback: a path without a file extension is a client-side route. A missing asset
    // (say, an old chunk) stays a 404 so the failure is visible instead of a page of HTML.
    const looksLikeFile = path.posix.basename(decoded).includes('.');
    if (looksLikeFile) {
      sendText(res, 404, 'Not Found');
      return;
    }
    target = await resolveFile(path.join(root, 'index.html'));
  }
  if (!target) {
    sendText(res, 404, 'Not Found: is the SPA built?');
    return;
  }

  const extension = path.extname(target.file).toLowerCase();
  res.writeHead(200, {
    ...extraHeaders,
    // Videos are typed by the contract's one extension table, as the SPA types the files it sends.
    'content-type': CONTENT_TYPES[extension] ?? videoMimeTypeOfName(target.file) ?? 'application/octet-stream',
    'content-length': target.size,
    // Hashed assets never change; index.html must always be revalidated to pick up a new build.
    'cache-control': decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(target.file), res, () => {});
}

/** The file to send for a path: the file itself, or a directory's index.html. */
async function resolveFile(file: string): Promise<{ file: string; size: number } | undefined> {
  try {
    const info = await stat(file);
    if (info.isFile()) return { file, size: info.size };
    if (info.isDirectory()) return resolveFile(path.join(file, 'index.html'));
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streams the request to the upstream and the answer back, without buffering either body, so
 * uploads behave as they would behind the production host.
 */
function forward(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const target = new URL(req.url ?? '/', upstream);
  const upstreamReq = httpRequest(
    target,
    { method: req.method, headers: withoutHopByHop(req.headers) },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, withoutHopByHop(upstreamRes.headers));
      pipeline(upstreamRes, res, () => {});
    },
  );
  upstreamReq.on('error', () => {
    if (!res.headersSent) sendText(res, 502, 'Bad Gateway: the API upstream did not answer.');
    else res.destroy();
  });
  // The browser went away: stop the upstream request too instead of letting it run to the end.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });
  pipeline(req, upstreamReq, (error) => {
    if (error) upstreamReq.destroy(error);
  });
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase()) && value !== undefined) copy[name] = value;
  }
  return copy;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
