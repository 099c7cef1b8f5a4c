import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Some replies leave before their request body has arrived: a refusal (401, 400, 429, 503) from a
 * hook or handler, or a transfer that failed mid-body. Node then discards the rest of the body on its
 * own, but under the keep-alive timer (keepAliveTimeout + 1 s), not `connectionTimeout`: a client
 * that went silent mid-body kept its socket for seconds whatever the idle timeout said, and one that
 * kept sending was read for as long as it cared to send.
 *
 * What we do instead, for every reply sent while the body is still unread:
 * - a body no larger than the route would accept anyway (a chunk: ≤ 128 MiB) is drained and
 *   discarded, so the client gets to finish sending, reads a clean answer and may keep the
 *   connection; a pause in its sending as long as the idle timeout drops it, as it would mid-upload;
 * - a larger or unbounded (chunked) body is not worth receiving: the connection closes after the
 *   answer.
 */
export function settleUnreadBodies(app: FastifyInstance) {
  const idleMs = app.initialConfig.connectionTimeout ?? 0;
  const defaultLimit = app.initialConfig.bodyLimit ?? Number.POSITIVE_INFINITY;

  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    // A success may leave before the last bytes (a multipart's closing boundary), which its route's
    // parser still reads; only refusals and failures abandon a body.
    if (reply.statusCode < 400) return payload;
    // inject() has no wire: its fake request has neither a socket to hold nor a `complete` flag.
    if (raw.complete || raw.destroyed || !(raw.socket instanceof Socket)) return payload;
    if (declaredLength(request) <= (request.routeOptions.bodyLimit ?? defaultLimit)) {
      drainWithIdleLimit(raw, idleMs);
    } else {
      reply.header('connection', 'close');
    }
    return payload;
  });
}

function declaredLength(request: FastifyRequest): number {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d{1,16}$/.test(header) ? Number(header) : Number.POSITIVE_INFINITY;
}

function drainWithIdleLimit(raw: IncomingMessage, idleMs: number) {
  // Readers that gave up (busboy, the chunk's ByteSplitter) are still attached and would hold the
  // stream: a 'readable' listener stops resume() from making it flow, a reader's 'data' listener
  // keeps the bytes or pauses the stream again. Node's own dump of an unread body drops them too.
  raw.unpipe();
  raw.removeAllListeners('readable');
  raw.removeAllListeners('data');
  // Once the answer is out, Node's socket timeout counts keep-alive time (keepAliveTimeout + 1 s),
  // not the idle time of a request still arriving: that rule needs a timer of its own.
  const idle = idleMs > 0 ? setTimeout(() => raw.socket.destroy(), idleMs).unref() : undefined;
  const stop = () => clearTimeout(idle);
  raw.on('data', () => idle?.refresh());
  raw.once('end', stop);
  raw.once('close', stop);
  raw.resume();
}
