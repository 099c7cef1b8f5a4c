import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Header carrying a request's id in both directions. Render's router is documented to add headers
 * such as X-Forwarded-For, but the pages we checked (Render's "Web Services" and "HTTP headers"
 * documentation) do not name a request-id header; `x-request-id` is the name Render is commonly seen
 * to send and the de-facto convention. So: accept it when present and well-formed, and otherwise mint
 * our own, which works whichever way Render behaves.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What we accept from outside: a UUID, a hex or base64url token and the usual id shapes fit; anything
 * else (spaces, quotes, newlines, control bytes, a kilobyte of text) could forge or garble log lines,
 * so it is replaced rather than trimmed: an altered id no longer matches the one logged upstream.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(raw: IncomingMessage): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Returns the id on every reply, so a creator's report ("it failed, id …") leads to the log lines of
 * that request. Registered before any hook that may refuse, so refusals carry it too.
 */
export function echoRequestId(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
