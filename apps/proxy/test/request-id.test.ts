import { ErrorBodySchema } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './test-config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function linesOf(logLines: string[], requestId: string) {
  return logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.requestId === requestId);
}

describe('request ids', () => {
  it('mints one id per request and puts it in the response header, the error body and every log line', async () => {
    const { app, logLines } = await startTestApp();
    const first = await app.inject({ method: 'GET', url: '/api/v1/me' });
    const second = await app.inject({ method: 'GET', url: '/api/v1/me' });
    const id = first.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).not.toBe(id);
    expect(ErrorBodySchema.parse(first.json()).error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: id });
    // Fastify's "incoming request" and "request completed" lines at least, all under one label.
    expect(linesOf(logLines, String(id)).length).toBeGreaterThanOrEqual(2);
    expect(logLines.some((line) => line.includes('"reqId"'))).toBe(false);
  });

  it("keeps a well-formed incoming x-request-id (Render's router's id)", async () => {
    const { app, logLines } = await startTestApp();
    const incoming = '5f1c2a9e-7b3d-4e8f-a1b2-c3d4e5f6a7b8';
    const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': incoming } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe(incoming);
    expect(res.json().error.requestId).toBe(incoming);
    expect(linesOf(logLines, incoming).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['spaces and quotes', 'abcdefgh" "level":60'],
    ['JSON', '{"msg":"forged"}'],
    ['non-ASCII', 'abcdefgh\u00e9'],
    ['a list of two', 'abcdefgh1, abcdefgh2'],
  ])('replaces an incoming id that is %s with its own', async (_what, bad) => {
    const { app, logLines } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': bad } });
    const id = String(res.headers['x-request-id']);
    expect(id).toMatch(UUID);
    expect(res.json().error.requestId).toBe(id);
    expect(logLines.join('\n')).not.toContain(bad);
  });

  it('carries the id on refusals by hooks: missing client header, rate limit', async () => {
    const { app } = await startTestApp();
    const refused = await app.inject({ method: 'POST', url: '/api/v1/uploads', payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.requestId).toBe(refused.headers['x-request-id']);

    let limited;
    for (let i = 0; i < 7 && limited?.statusCode !== 429; i += 1) {
      limited = await app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        headers: { authorization: 'Bearer act.request-id-test', 'x-content-studio': '1' },
        payload: { mode: 'draft', videoSize: 1, mimeType: 'video/mp4' },
      });
    }
    expect(limited?.statusCode).toBe(429);
    expect(limited?.json().error).toMatchObject({ code: 'RATE_LIMITED', requestId: limited?.headers['x-request-id'] });
  });

  it('lets a browser read the id across origins', async () => {
    const { app } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'http://127.0.0.1:5173' } });
    expect(String(res.headers['access-control-expose-headers'])).toContain('x-request-id');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });
});
