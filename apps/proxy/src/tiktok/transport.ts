import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { TikTokNetworkError, TikTokProtocolError, classifyNetworkFailure } from './tiktok-errors';

/**
 * The one place that calls undici. Every response body is either read (bounded) or dumped, so no
 * request can leave a socket half-used; every undici failure becomes a `TikTokNetworkError`.
 */

export interface Transport {
  dispatcher: Dispatcher;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

export interface OutgoingRequest {
  url: string | URL;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Readable | null;
  signal?: AbortSignal | undefined;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

/** TikTok's JSON answers are a few KiB; a bigger one is not TikTok's and is not worth buffering. */
const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * undici 7 follows no redirects unless the dispatcher was composed with its redirect interceptor;
 * that interceptor reads `maxRedirections` per request, so 0 here keeps redirects off even for an
 * injected dispatcher that has it. (Not in undici 7's types, hence the widening.)
 */
const NO_REDIRECTS = { maxRedirections: 0 } as Record<string, unknown>;

export function toNetworkError(err: unknown, signal: AbortSignal | undefined): unknown {
  if (err instanceof TikTokNetworkError || err instanceof TikTokProtocolError) return err;
  if (signal?.aborted) return new TikTokNetworkError('aborted', err);
  const failure = classifyNetworkFailure(err);
  return failure ? new TikTokNetworkError(failure, err) : err;
}

/** Sends a request; the caller owns the returned body and must read or dump it. */
export async function send(transport: Transport, req: OutgoingRequest): Promise<Dispatcher.ResponseData> {
  try {
    return await request(req.url, {
      ...NO_REDIRECTS,
      dispatcher: transport.dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      signal: req.signal ?? null,
      headersTimeout: req.headersTimeoutMs ?? transport.headersTimeoutMs,
      bodyTimeout: req.bodyTimeoutMs ?? transport.bodyTimeoutMs,
    });
  } catch (err) {
    throw toNetworkError(err, req.signal);
  }
}

/** Reads a whole (small) body as UTF-8, refusing oversized ones without buffering them. */
async function readText(response: Dispatcher.ResponseData, signal: AbortSignal | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_JSON_BODY_BYTES) {
        throw new TikTokProtocolError(response.statusCode, 'body too large');
      }
      chunks.push(buffer);
    }
  } catch (err) {
    response.body.destroy();
    throw toNetworkError(err, signal);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Discards a body we do not need, so the connection can be reused (or is closed if too long). */
export async function discard(response: Dispatcher.ResponseData): Promise<void> {
  try {
    await response.body.dump({ limit: 64 * 1024 });
  } catch {
    // A failure while discarding changes nothing about the answer we already have.
  }
}

export interface JsonResponse {
  statusCode: number;
  text: string;
}

/** Sends a request and reads its body as text, whatever the status: TikTok's errors live in bodies. */
export async function sendForText(transport: Transport, req: OutgoingRequest): Promise<JsonResponse> {
  const response = await send(transport, req);
  const text = await readText(response, req.signal);
  return { statusCode: response.statusCode, text };
}
