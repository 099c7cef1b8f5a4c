import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';
import { createUpload } from './upload-client';
import { videoSource } from './video-source';

/** Slow clients (slowloris, a browser upload that stalls) must not hold sockets forever. */
let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let port: number;
let base: string;
beforeAll(async () => {
  ctx = await startSandboxApp({}, {}, { socketIdleTimeoutMs: 300 });
  base = await ctx.listen();
  port = Number(new URL(base).port);
});
afterAll(() => ctx.close());

const MiB = 1024 * 1024;
// Far above the 300 ms idle timeout, so a loaded machine does not fail it; far below the keep-alive
// timer (5 s + Node's 1 s), which is what held these sockets before.
const PROMPTLY_MS = 3_000;

function silentClient(payload: string) {
  return new Promise<number>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    socket.on('close', () => resolve(Date.now() - started));
    socket.on('error', () => undefined);
    setTimeout(() => reject(new Error('socket still open after 5 s')), 5_000).unref();
  });
}

interface Stalled {
  /** Everything the proxy sent before the connection closed. */
  received: string;
  /** From the client's last byte to the close; Infinity if still open after 8 s. */
  closedAfterMs: number;
}

/**
 * Sends the head and the first bytes of a body, keeps trickling more (never all of it) until the
 * proxy's answer has begun, then goes silent. Trickling first means the proxy's answer, not an idle
 * timer, decides when the silence starts, however slow the machine is at producing that answer.
 *
 * The client reads everything it receives: one that does not read never sees the server's FIN behind
 * an unread response (its socket cannot emit 'end'), which once made a closed socket look open.
 */
function stallAfterAnswer(head: Buffer, bodyLength: number, firstBytes: number) {
  return new Promise<Stalled>((resolve) => {
    const body = videoSource(bodyLength).all()[Symbol.asyncIterator]();
    let pending = Buffer.alloc(0);
    // The last byte is never sent: a complete body would be a finished request, not a stalled one.
    let budget = bodyLength - 1;
    let sending = false;
    const send = async (bytes: number) => {
      if (sending) return;
      sending = true;
      while (pending.length < Math.min(bytes, budget)) {
        const next = await body.next();
        if (next.done) break;
        pending = Buffer.concat([pending, next.value]);
      }
      const piece = pending.subarray(0, Math.min(bytes, budget));
      pending = pending.subarray(piece.length);
      budget -= piece.length;
      if (piece.length > 0 && !socket.destroyed) socket.write(piece);
      silentSince = Date.now();
      sending = false;
    };

    const socket = connect(port, '127.0.0.1');
    let received = '';
    let silentSince = Date.now();
    let trickle: NodeJS.Timeout | undefined;
    let gaveUp = false;
    const answered = () => received.includes('\r\n\r\n');
    const giveUp = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, 15_000);
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      received += text;
      if (answered()) clearInterval(trickle);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: gaveUp ? Number.POSITIVE_INFINITY : Date.now() - silentSince });
    });
    socket.on('connect', () => {
      socket.write(head);
      void send(firstBytes).then(() => {
        if (answered()) return;
        trickle = setInterval(() => {
          if (answered()) clearInterval(trickle);
          else void send(4 * 1024);
        }, 50);
      });
    });
  });
}

function chunkHead(headers: Record<string, string>, length: number, path = '/api/v1/uploads/p_1/chunks/0') {
  const lines = Object.entries({
    host: '127.0.0.1',
    'x-content-studio': '1',
    'content-type': 'application/octet-stream',
    'content-length': String(length),
    ...headers,
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.from(`PUT ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
}

/**
 * The head of chunk 0 of a fresh one-chunk upload whose PUT TikTok's host will reset. `pia`: the
 * unaudited sandbox refuses `ava`'s public account.
 */
async function failingChunkHead(size: number) {
  const { accessToken } = await ctx.signIn('pia');
  const created = await createUpload(base, accessToken, { mode: 'draft', videoSize: size });
  expect(created.status).toBe(201);
  ctx.sandbox.injectFault({ target: 'upload', kind: 'reset-mid-body', afterBytes: 0 });
  return chunkHead(
    { authorization: `Bearer ${accessToken}`, 'x-upload-session': created.body.uploadSession },
    size,
    `/api/v1/uploads/${created.body.publishId}/chunks/0`,
  );
}

function multipartHead(
  headers: Record<string, string>,
  boundary: string,
  fields: Record<string, string>,
  fileSize: number,
) {
  const preamble =
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
    `--${boundary}\r\ncontent-disposition: form-data; name="video"; filename="v.mp4"\r\ncontent-type: video/mp4\r\n\r\n`;
  const closing = `\r\n--${boundary}--\r\n`;
  const length = Buffer.byteLength(preamble) + fileSize + Buffer.byteLength(closing);
  const lines = Object.entries({
    host: '127.0.0.1',
    'x-content-studio': '1',
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(length),
    ...headers,
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.from(`POST /api/v1/videos HTTP/1.1\r\n${lines.join('')}\r\n${preamble}`);
}

/** Reads whole HTTP/1.1 responses (Content-Length framed) off one socket, in order. */
function responseReader(socket: Socket) {
  let buffer = Buffer.alloc(0);
  let closed = false;
  let wake = () => undefined as void;
  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  return async function next(): Promise<{ status: number; headers: string; body: string } | 'closed'> {
    for (;;) {
      const headEnd = buffer.indexOf('\r\n\r\n');
      if (headEnd >= 0) {
        const headers = buffer.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
        if (buffer.length >= headEnd + 4 + length) {
          const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
          buffer = buffer.subarray(headEnd + 4 + length);
          return { status: Number(headers.split(' ')[1]), headers, body };
        }
      }
      if (closed) return 'closed';
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
}

/** Sends a whole request at once, reads its answer, then asks for /healthz on the same connection. */
async function sendAllThenAgain(request: Buffer) {
  const socket = connect(port, '127.0.0.1');
  const next = responseReader(socket);
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const sent = new Promise<void>((resolve) => socket.write(request, () => resolve()));
  try {
    const answer = await next();
    await sent;
    socket.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    return { answer, next: await next() };
  } finally {
    socket.destroy();
  }
}

describe('slow clients', () => {
  it('drops a client that stops sending in the middle of its headers', async () => {
    expect(await silentClient('GET /healthz HTTP/1.1\r\nHost: x\r\n')).toBeLessThan(3_000);
  });

  it('answers a chunk refused for want of a token, then drops the client that stalls mid-body', async () => {
    const { received, closedAfterMs } = await stallAfterAnswer(chunkHead({}, 10 * MiB), 10 * MiB, 256 * 1024);
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
    expect(received).toContain('"UNAUTHENTICATED"');
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('answers a chunk refused for a forged upload session, then drops the client that stalls mid-body', async () => {
    const head = chunkHead(
      { authorization: 'Bearer act.forged', 'x-upload-session': 'not-a-sealed-session' },
      10 * MiB,
    );
    const { received, closedAfterMs } = await stallAfterAnswer(head, 10 * MiB, 256 * 1024);
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(received).toContain('"UPLOAD_SESSION_INVALID"');
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('drains a refused chunk whose client sends all of it: the answer, then the same connection serves again', async () => {
    // Larger than the socket buffers: the client only finishes sending because the proxy reads on.
    const body = Buffer.alloc(8 * MiB, 7);
    const { answer, next } = await sendAllThenAgain(Buffer.concat([chunkHead({}, body.length), body]));
    expect(answer).toMatchObject({ status: 401, headers: expect.not.stringMatching(/\r\nconnection: close/i) });
    expect(next).toMatchObject({ status: 200 });
  });

  it('drains a chunk whose transfer to TikTok fails mid-body: the answer, then the same connection serves again', async () => {
    const size = 20 * MiB;
    const head = await failingChunkHead(size);
    const body: Uint8Array[] = [];
    for await (const piece of videoSource(size).all()) body.push(piece);
    const { answer, next } = await sendAllThenAgain(Buffer.concat([head, ...body]));
    expect(answer).toMatchObject({ status: 502, body: expect.stringContaining('"UPSTREAM_UNAVAILABLE"') });
    expect(next).toMatchObject({ status: 200 });
  });

  it('closes, right after the answer, a refused chunk declaring more than any chunk may be', async () => {
    const { received, closedAfterMs } = await stallAfterAnswer(chunkHead({}, 1024 * MiB), 10 * MiB, 64 * 1024);
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('answers a chunk whose transfer to TikTok fails mid-body, then drops the client that stalls', async () => {
    const size = 6 * MiB;
    const head = await failingChunkHead(size);
    const { received, closedAfterMs } = await stallAfterAnswer(head, size, MiB);
    expect(received).toMatch(/^HTTP\/1\.1 502 /);
    expect(received).toContain('"UPSTREAM_UNAVAILABLE"');
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('answers a one-shot upload refused for want of a token, then drops the client that stalls mid-file', async () => {
    const size = 50 * MiB;
    const head = multipartHead({}, 'b-refused', { mode: 'draft', videoSize: String(size) }, size);
    const { received, closedAfterMs } = await stallAfterAnswer(head, size, 256 * 1024);
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
    expect(received).toContain('"UNAUTHENTICATED"');
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('answers a one-shot upload whose transfer to TikTok fails mid-file, then drops the client that stalls', async () => {
    const { accessToken } = await ctx.signIn('pia');
    const size = 6 * MiB;
    ctx.sandbox.injectFault({ target: 'upload', kind: 'reset-mid-body', afterBytes: 0 });
    const head = multipartHead(
      { authorization: `Bearer ${accessToken}` },
      'b-failed',
      { mode: 'draft', videoSize: String(size) },
      size,
    );
    const { received, closedAfterMs } = await stallAfterAnswer(head, size, MiB);
    expect(received).toMatch(/^HTTP\/1\.1 502 /);
    expect(received).toContain('"UPSTREAM_UNAVAILABLE"');
    // The rest of a file is never worth receiving: the connection closes after the answer.
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(closedAfterMs).toBeLessThan(PROMPTLY_MS);
  });

  it('keeps a closing answer readable for a client that is still sending and reads it late', async () => {
    const { accessToken } = await ctx.signIn('pia');
    const size = 6 * MiB;
    ctx.sandbox.injectFault({ target: 'upload', kind: 'reset-mid-body', afterBytes: 0 });
    const head = multipartHead(
      { authorization: `Bearer ${accessToken}` },
      'b-late-reader',
      { mode: 'draft', videoSize: String(size) },
      size,
    );
    const received = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const body = videoSource(size).all()[Symbol.asyncIterator]();
      let text = '';
      const reading = { since: 0 };
      socket.setEncoding('latin1');
      socket.on('data', (piece: string) => (text += piece));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      socket.on('connect', async () => {
        // Not reading while sending: the answer waits in this socket's buffer, where a reset from a
        // proxy that closed before the rest of the body arrived would throw it away.
        socket.pause();
        socket.write(head);
        setTimeout(() => {
          reading.since = Date.now();
          socket.resume();
        }, 600);
        while (reading.since === 0 && !socket.destroyed) {
          const next = await body.next();
          if (next.done) break;
          socket.write(next.value);
          await new Promise((wait) => setTimeout(wait, 5));
        }
      });
    });
    expect(received).toMatch(/^HTTP\/1\.1 502 /);
    expect(received).toContain('"UPSTREAM_UNAVAILABLE"');
  });
});
