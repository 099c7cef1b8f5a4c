import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers. Routes return a value instead of writing so faults can hold the answer back. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, html: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // No script at all on sandbox pages; styles live in one inline <style> element.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    },
    body: html,
  };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' } };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const body = reply.body ?? '';
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Lower-cased media type without parameters, e.g. `application/json` for `application/json; charset=UTF-8`. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads a small request body. JSON and form bodies are tiny; anything larger is a client bug. */
export function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<BodyResult> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (r: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep reading (and dropping) so the answer can still be delivered on this connection.
        parts.length = 0;
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      if (!settled) parts.push(chunk);
    });
    req.on('end', () => settle({ ok: true, body: Buffer.concat(parts) }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) settle({ ok: false, reason: 'aborted' });
    });
  });
}

/** Discards a body we will not use; resolves when it ended or the client went away. */
export function drainBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) {
      resolve();
      return;
    }
    req.on('end', () => resolve());
    req.on('close', () => resolve());
    req.on('error', () => resolve());
    req.resume();
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
