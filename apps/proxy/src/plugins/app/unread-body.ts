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
 *   answer, in stages (`closeInStages`), so the answer is not lost to a TCP reset.
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
      closeInStages(raw);
    }
    return payload;
  });
}

function declaredLength(request: FastifyRequest): number {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d{1,16}$/.test(header) ? Number(header) : Number.POSITIVE_INFINITY;
}

/**
 * How long a closing connection keeps reading a client that neither closes nor stops sending: long
 * enough for a client busy sending to get round to reading its answer, short enough that a socket
 * is not held for it. A client that goes silent is dropped sooner, by the idle timeout.
 */
const LINGER_MS = 2_000;

/**
 * Node ends a `connection: close` answer with `socket.destroySoon()`: end, then destroy as soon as
 * the answer is written. Destroying a socket while the client's unread body bytes sit in our receive
 * buffer makes the kernel send a TCP reset, and a client that gets the reset before it has read our
 * answer loses the answer (the slow-client test saw an empty reply about once in ten runs). RFC 9112
 * ("Tear-down") prescribes closing in stages instead: close only our side, keep reading (and
 * dropping) what still arrives until the client closes too, or for a bounded time, then close fully.
 */
function closeInStages(raw: IncomingMessage) {
  discardRest(raw);
  raw.socket.destroySoon = lingeringClose;
}

function lingeringClose(this: Socket): Socket {
  if (this.writable) this.end();
  const linger = setTimeout(() => this.destroy(), LINGER_MS).unref();
  this.once('close', () => clearTimeout(linger));
  // The client's FIN: nothing more will arrive, so nothing is left to reset.
  this.once('end', () => this.destroy());
  return this;
}

/**
 * Readers that gave up (busboy, the chunk's ByteSplitter) are still attached and would hold the
 * stream: a 'readable' listener stops resume() from making it flow, a reader's 'data' listener keeps
 * the bytes or pauses the stream again. Node's own dump of an unread body drops them too. A paused
 * stream would also pause the socket, so the client's bytes would wait in our receive buffer.
 */
function discardRest(raw: IncomingMessage) {
  raw.unpipe();
  raw.removeAllListeners('readable');
  raw.removeAllListeners('data');
  raw.resume();
}

function drainWithIdleLimit(raw: IncomingMessage, idleMs: number) {
  discardRest(raw);
  // Once the answer is out, Node's socket timeout counts keep-alive time (keepAliveTimeout + 1 s),
  // not the idle time of a request still arriving: that rule needs a timer of its own.
  const idle = idleMs > 0 ? setTimeout(() => raw.socket.destroy(), idleMs).unref() : undefined;
  const stop = () => clearTimeout(idle);
  raw.on('data', () => idle?.refresh());
  raw.once('end', stop);
  raw.once('close', stop);
}
