import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Agent, interceptors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { toAppError } from '../errors/from-tiktok';
import { parseUploadedBytes } from './media-transfer';
import { createTikTokClient, type TikTokClient, type TikTokClientOptions } from './tiktok-client';
import { TikTokTransferError } from './tiktok-errors';

/**
 * The chunk PUT against real loopback servers: what MockAgent cannot show (bytes on the wire,
 * backpressure, redirects, timeouts, broken connections).
 */

const MiB = 1024 * 1024;
const PIECE = 64 * 1024;

interface LocalServer {
  server: Server;
  origin: string;
  requests: number;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const local: LocalServer = {
    server: createServer((req, res) => {
      local.requests++;
      handler(req, res);
    }),
    origin: '',
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        local.server.closeAllConnections();
        local.server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => local.server.listen(0, '127.0.0.1', resolve));
  local.origin = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}`;
  cleanups.push(() => local.close());
  return local;
}

function localClient(origin: string, overrides: Partial<TikTokClientOptions> = {}): TikTokClient {
  // One connection per origin: a body left unread would block or kill it, which tests would see.
  const agent = new Agent({ connections: 1 });
  cleanups.push(() => agent.close());
  return createTikTokClient({
    dispatcher: agent,
    apiBaseUrl: origin,
    clientKey: 'sbawlocal',
    clientSecret: 'local-secret',
    redirectUri: 'https://studio.example.com/auth/callback',
    uploadOrigins: [origin],
    ...overrides,
  });
}

/** Deterministic video bytes in 64 KiB pieces; tracks what was produced and its sha256. */
function videoSource(total: number) {
  const state = { produced: 0, hash: createHash('sha256'), largestPiece: 0 };
  async function* generate(): AsyncGenerator<Uint8Array> {
    for (let index = 0; state.produced < total; index++) {
      const piece = Buffer.alloc(Math.min(PIECE, total - state.produced), index % 251);
      state.produced += piece.length;
      state.largestPiece = Math.max(state.largestPiece, piece.length);
      state.hash.update(piece);
      yield piece;
    }
  }
  return { state, body: generate() };
}

/** An upload host: hashes what it receives and answers like TikTok. */
function uploadHost(options: { pauseAfter?: number; onPause?: (received: number) => void } = {}) {
  const seen: { length: number; sha256: string; headers: IncomingMessage['headers']; url: string }[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const hash = createHash('sha256');
    let length = 0;
    let paused = false;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
      if (options.pauseAfter !== undefined && !paused && length >= options.pauseAfter) {
        paused = true;
        req.pause();
        setTimeout(() => {
          options.onPause?.(length);
          req.resume();
        }, 300);
      }
    });
    req.on('end', () => {
      seen.push({ length, sha256: hash.digest('hex'), headers: req.headers, url: req.url ?? '' });
      const range = /bytes (\d+)-(\d+)\/(\d+)/.exec(req.headers['content-range'] ?? '');
      const last = Number(range?.[2]);
      const total = Number(range?.[3]);
      res.writeHead(last === total - 1 ? 201 : 206, { 'content-range': `bytes 0-${last}/${total}` });
      res.end();
    });
  };
  return { seen, handler };
}

/**
 * A body that reports its own source's failure, as the proxy's slices of a client's request do
 * (upload/byte-splitter.ts): handed to undici as it is, without a relay.
 */
function selfReporting(total: number, options: { failAfter?: number } = {}) {
  let produced = 0;
  const body = Object.assign(
    new Readable({
      read() {
        if (options.failAfter !== undefined && produced >= options.failAfter) {
          body.sourceError = new Error('browser went away');
          this.destroy(body.sourceError);
          return;
        }
        const size = Math.min(PIECE, total - produced);
        produced += size;
        this.push(size > 0 ? Buffer.alloc(size, 7) : null);
      },
    }),
    { sourceError: undefined as Error | undefined },
  );
  return body;
}

/** A byte source that fails with `error` after one piece. */
async function* breaking(error: Error): AsyncGenerator<Uint8Array> {
  yield Buffer.alloc(PIECE);
  throw error;
}

describe('putVideoChunk against a real upload host', () => {
  it('streams several MiB byte-exact, with backpressure, reusing one connection', async () => {
    const total = 24 * MiB + 12_345;
    let producedAtPause = -1;
    let receivedAtPause = -1;
    const source = videoSource(total);
    const host = uploadHost({
      pauseAfter: MiB,
      onPause: (received) => {
        producedAtPause = source.state.produced;
        receivedAtPause = received;
      },
    });
    const server = await listen(host.handler);
    let connections = 0;
    server.server.on('connection', () => connections++);
    const client = localClient(server.origin);
    const uploadUrl = `${server.origin}/video/?upload_id=1&upload_token=tok`;

    const result = await client.putVideoChunk({
      uploadUrl,
      body: source.body,
      start: 0,
      end: total - 1,
      videoSize: total + 1000,
      contentType: 'video/mp4',
    });

    expect(result).toEqual({ status: 206, uploadedBytes: total });
    expect(host.seen[0]).toMatchObject({ length: total, sha256: source.state.hash.digest('hex') });
    expect(host.seen[0]?.url).toBe('/video/?upload_id=1&upload_token=tok');
    expect(host.seen[0]?.headers['content-length']).toBe(String(total));
    expect(host.seen[0]?.headers['content-range']).toBe(`bytes 0-${total - 1}/${total + 1000}`);
    // While the server stopped reading, the generator was not drained: bytes were pulled as the
    // socket took them, never gathered into one buffer.
    expect(source.state.largestPiece).toBe(PIECE);
    expect(receivedAtPause).toBeGreaterThanOrEqual(MiB);
    expect(producedAtPause).toBeLessThan(total);
    expect(producedAtPause - receivedAtPause).toBeLessThan(16 * MiB);

    // The last chunk, as a Readable this time, over the same kept-alive connection.
    const last = Readable.from(videoSource(1000).body);
    await expect(
      client.putVideoChunk({
        uploadUrl,
        body: last,
        start: total,
        end: total + 999,
        videoSize: total + 1000,
        contentType: 'video/mp4',
      }),
    ).resolves.toEqual({ status: 201, uploadedBytes: total + 1000 });
    expect(connections).toBe(1);
  });

  it('treats a 302 as an error and never contacts the Location', async () => {
    const canary = await listen((_req, res) => res.end('should never be called'));
    const redirecting = await listen((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(302, { location: `${canary.origin}/steal?upload_token=tok` });
        res.end();
      });
    });
    const client = localClient(redirecting.origin, { uploadOrigins: [redirecting.origin, canary.origin] });
    const source = videoSource(3 * MiB);
    const err = await client
      .putVideoChunk({
        uploadUrl: `${redirecting.origin}/video/?upload_token=tok`,
        body: source.body,
        start: 0,
        end: 3 * MiB - 1,
        videoSize: 3 * MiB,
        contentType: 'video/mp4',
      })
      .catch((error: unknown) => error);

    expect(err).toBeInstanceOf(TikTokTransferError);
    expect((err as TikTokTransferError).httpStatus).toBe(302);
    expect(toAppError(err).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(redirecting.requests).toBe(1);
    expect(canary.requests).toBe(0);
  });

  it('turns a host that stalls after the body into UPSTREAM_TIMEOUT', async () => {
    const stalling = await listen((req) => req.resume()); // reads everything, never answers
    const client = localClient(stalling.origin, { timeouts: { uploadHeadersMs: 200 } });
    const err = await client
      .putVideoChunk({
        uploadUrl: `${stalling.origin}/video/`,
        body: videoSource(MiB).body,
        start: 0,
        end: MiB - 1,
        videoSize: MiB,
        contentType: 'video/mp4',
      })
      .catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'timeout' });
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_TIMEOUT', statusCode: 504, retryable: true });
  });

  it('turns a connection reset mid-chunk into a retryable UPSTREAM_UNAVAILABLE', async () => {
    const resetting = await listen((req) => {
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MiB) req.socket.destroy();
      });
    });
    const client = localClient(resetting.origin);
    const body = Readable.from(videoSource(8 * MiB).body);
    const err = await client
      .putVideoChunk({
        uploadUrl: `${resetting.origin}/video/`,
        body,
        start: 0,
        end: 8 * MiB - 1,
        videoSize: 8 * MiB,
        contentType: 'video/mp4',
      })
      .catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'connection' });
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    // A chunk's bytes are single-use: the caller's stream is ended, not left dangling.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(body.destroyed).toBe(true);
  });

  it('with a self-reporting body, blames TikTok for a reset and the source only when the body says so', async () => {
    const host = uploadHost();
    const server = await listen(host.handler);
    const client = localClient(server.origin);
    const input = {
      uploadUrl: `${server.origin}/video/`,
      start: 0,
      end: 3 * MiB - 1,
      videoSize: 3 * MiB,
      contentType: 'video/mp4' as const,
    };
    await expect(client.putVideoChunk({ ...input, body: selfReporting(3 * MiB) })).resolves.toEqual({
      status: 201,
      uploadedBytes: 3 * MiB,
    });
    expect(host.seen[0]).toMatchObject({ length: 3 * MiB });

    const broken = selfReporting(3 * MiB, { failAfter: MiB });
    const blamed = await client.putVideoChunk({ ...input, body: broken }).catch((error: unknown) => error);
    expect(blamed).toBe(broken.sourceError);

    const resetting = await listen((req) => {
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MiB) req.socket.destroy();
      });
    });
    const healthy = selfReporting(8 * MiB);
    const err = await localClient(resetting.origin)
      .putVideoChunk({
        ...input,
        uploadUrl: `${resetting.origin}/video/`,
        end: 8 * MiB - 1,
        videoSize: 8 * MiB,
        body: healthy,
      })
      .catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'connection' });
    expect(healthy.sourceError).toBeUndefined();
    expect(healthy.destroyed).toBe(true);
  });

  it.each([
    ['its own failure', new Error('browser went away')],
    // The way a Fastify request stream fails when the browser disconnects: a network-looking code
    // that must not be taken for TikTok's connection failing.
    ['the browser’s connection resetting', Object.assign(new Error('aborted'), { code: 'ECONNRESET' })],
  ])('hands back the byte source’s failure (%s) as it is, not as TikTok’s', async (_name, own) => {
    const host = await listen((req) => req.resume());
    const client = localClient(host.origin);
    const err = await client
      .putVideoChunk({
        uploadUrl: `${host.origin}/video/`,
        body: breaking(own),
        start: 0,
        end: MiB - 1,
        videoSize: MiB,
        contentType: 'video/mp4',
      })
      .catch((error: unknown) => error);
    expect(err).toBe(own);
  });

  it.each([
    ['fewer', MiB - 1],
    ['more', MiB + PIECE],
  ])('refuses a body with %s bytes than its Content-Length', async (_name, actual) => {
    const host = await listen((req) => req.resume());
    const client = localClient(host.origin);
    const err = await client
      .putVideoChunk({
        uploadUrl: `${host.origin}/video/`,
        body: videoSource(actual).body,
        start: 0,
        end: MiB - 1,
        videoSize: MiB,
        contentType: 'video/mp4',
      })
      .catch((error: unknown) => error);
    expect(toAppError(err)).toMatchObject({ code: 'VIDEO_SIZE_MISMATCH', statusCode: 400 });
  });

  it('stops promptly when the caller aborts, and destroys the body', async () => {
    const host = await listen((req) => req.resume());
    const client = localClient(host.origin);
    const controller = new AbortController();
    let finished = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield Buffer.alloc(PIECE);
        }
      } finally {
        finished = true;
      }
    }
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await client
      .putVideoChunk({
        uploadUrl: `${host.origin}/video/`,
        body: endless(),
        start: 0,
        end: 100 * MiB - 1,
        videoSize: 100 * MiB,
        contentType: 'video/mp4',
        signal: controller.signal,
      })
      .catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'aborted' });
    expect(toAppError(err).code).toBe('CLIENT_ABORTED');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finished).toBe(true);
  });
});

describe('JSON calls against a real server', () => {
  it('follows no redirect even through a dispatcher composed with undici’s redirect interceptor', async () => {
    const canary = await listen((_req, res) => res.end('{}'));
    const redirecting = await listen((_req, res) => {
      res.writeHead(302, { location: `${canary.origin}/v2/user/info/` });
      res.end();
    });
    const agent = new Agent();
    cleanups.push(() => agent.close());
    const client = localClient(redirecting.origin, {
      dispatcher: agent.compose(interceptors.redirect({ maxRedirections: 5 })),
    });
    const err = await client.fetchUserInfo('act.x').catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokProtocolError', httpStatus: 302 });
    expect(redirecting.requests).toBe(1);
    expect(canary.requests).toBe(0);
  });

  it('turns headers slower than headersMs into UPSTREAM_TIMEOUT', async () => {
    const slow = await listen((_req, res) => {
      setTimeout(() => res.end('{}'), 2000).unref();
    });
    const client = localClient(slow.origin, { timeouts: { headersMs: 150 } });
    const started = Date.now();
    const err = await client.queryCreatorInfo('act.x').catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'timeout' });
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_TIMEOUT', statusCode: 504, retryable: true });
  });

  it('turns a body that stalls longer than bodyMs into UPSTREAM_TIMEOUT', async () => {
    const stalling = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    });
    const client = localClient(stalling.origin, { timeouts: { bodyMs: 150 } });
    const err = await client.fetchUserInfo('act.x').catch((error: unknown) => error);
    expect(toAppError(err).code).toBe('UPSTREAM_TIMEOUT');
  });

  it('turns a refused connection into a retryable UPSTREAM_UNAVAILABLE', async () => {
    const gone = await listen(() => undefined);
    await gone.close();
    const client = localClient(gone.origin);
    const err = await client.exchangeCode('code').catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokNetworkError', failure: 'connection' });
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', statusCode: 502, retryable: true });
  });

  it('refuses an oversized answer without buffering it all', async () => {
    const huge = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"data":"${'x'.repeat(2 * MiB)}"}`);
    });
    const client = localClient(huge.origin);
    const err = await client.queryCreatorInfo('act.x').catch((error: unknown) => error);
    expect(err).toMatchObject({ name: 'TikTokProtocolError', detail: 'body too large' });
  });
});

describe('parseUploadedBytes', () => {
  it.each([
    ['bytes 0-9999999/50000123', 10_000_000],
    ['bytes 0-50000122/50000123', 50_000_123],
    ['BYTES 0-0/1', 1],
    ['bytes */50000123', undefined],
    ['garbage', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(parseUploadedBytes(header)).toBe(expected);
  });
});
