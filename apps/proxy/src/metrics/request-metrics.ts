import { Socket } from 'node:net';
import { endpoints } from '@content-studio/contract';
import type { FastifyInstance } from 'fastify';
import type { ProxyMetrics, UploadKind } from './metrics';

const UPLOAD_ROUTES: ReadonlyMap<string, UploadKind> = new Map([
  [endpoints.uploadChunk.path, 'chunk'],
  [endpoints.videos.path, 'one_shot'],
]);

/** What a socket had read when its previous request ended: keep-alive sockets carry many requests. */
const BYTES_AT_LAST_REQUEST = Symbol('bytesReadAtLastRequest');
type CountedSocket = Socket & { [BYTES_AT_LAST_REQUEST]?: number };

/**
 * Counts every request at the raw response's `close`, which fires whether the answer was sent or the
 * client went away mid-chunk (Fastify's onResponse runs only for answers that finished), so the
 * in-flight gauge cannot drift upwards over days of aborted uploads.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: ProxyMetrics) {
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    const upload = route === undefined ? undefined : UPLOAD_ROUTES.get(route);
    const started = process.hrtime.bigint();
    if (upload) metrics.uploadsInFlight.inc({ kind: upload });

    reply.raw.once('close', () => {
      const answered = reply.raw.writableFinished;
      const status = answered ? String(reply.raw.statusCode) : 'aborted';
      metrics.requests.inc({ method: request.method, route: route ?? 'unmatched', status });
      const socket = request.raw.socket;
      // Socket.bytesRead counts what arrived since the socket opened; the difference to the previous
      // request's end is this request's headers and body (one request at a time per HTTP/1.1 socket).
      const read =
        socket instanceof Socket ? socket.bytesRead - ((socket as CountedSocket)[BYTES_AT_LAST_REQUEST] ?? 0) : 0;
      if (socket instanceof Socket) (socket as CountedSocket)[BYTES_AT_LAST_REQUEST] = socket.bytesRead;
      if (!upload) return;
      metrics.uploadsInFlight.dec({ kind: upload });
      if (read > 0) metrics.uploadBytes.inc({ kind: upload }, read);
      if (upload === 'chunk') {
        const outcome = !answered ? 'aborted' : reply.raw.statusCode < 400 ? 'ok' : 'error';
        metrics.chunkDuration.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
  });
}
