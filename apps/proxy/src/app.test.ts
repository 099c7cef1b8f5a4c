import { ErrorBodySchema } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { startTestApp, testConfig } from '../test/test-config';
import { AppError } from './errors/app-error';

describe('app spine', () => {
  it('answers /healthz', async () => {
    const { app } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves its OpenAPI document', async () => {
    const { app } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.json()).toMatchObject({ openapi: '3.1.0', paths: { '/api/v1/videos': { post: expect.any(Object) } } });
  });

  it('answers unknown routes with the contract error body', async () => {
    const { app } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('NOT_FOUND');
  });

  it('turns malformed JSON into VALIDATION_FAILED, not a 500', async () => {
    const { app } = await startTestApp();
    app.post('/echo', async (request) => request.body);
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json', 'x-content-studio': '1' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('caps JSON bodies', async () => {
    const { app } = await startTestApp();
    app.post('/echo', async (request) => request.body);
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json', 'x-content-studio': '1' },
      payload: JSON.stringify({ a: 'x'.repeat(70 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('relays AppError code, status, retryable, log id and headers', async () => {
    const { app } = await startTestApp();
    app.get('/boom', async () => {
      throw new AppError('RATE_LIMITED', 429, 'Slow down.', {
        retryable: true,
        tiktokLogId: 'log-123',
        headers: { 'retry-after': '60' },
      });
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'Slow down.',
        retryable: true,
        tiktokLogId: 'log-123',
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('hides the internals of unexpected errors from the response but logs them', async () => {
    const { app, logLines } = await startTestApp();
    app.get('/crash', async () => {
      throw new Error('database password is hunter2');
    });
    const res = await app.inject({ method: 'GET', url: '/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json().error).toMatchObject({ code: 'INTERNAL', retryable: true });
    expect(logLines.some((line) => line.includes('unhandled error'))).toBe(true);
  });

  it('redacts credentials and query strings from request logs', async () => {
    const { app, logLines } = await startTestApp();
    await app.inject({
      method: 'GET',
      url: '/healthz?code=canary-code-123',
      headers: { authorization: 'Bearer act.canary-token', 'x-upload-session': 'v1.canary-session' },
    });
    const log = logLines.join('\n');
    expect(log).toContain('/healthz');
    expect(log).not.toContain('canary');
  });

  it('serves the public sign-in facts with exactly the three promised scopes', async () => {
    const { app, config } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.json()).toEqual({
      authorizeUrl: config.tiktok.authUrl,
      clientKey: config.tiktok.clientKey,
      redirectUri: config.tiktok.redirectUri,
      scopes: ['user.info.basic', 'video.publish', 'video.upload'],
      appAudited: false,
    });
    expect(res.body).not.toContain(config.tiktok.clientSecret);
  });

  it('allows CORS only for configured origins, without credentials', async () => {
    const { app } = await startTestApp();
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/config',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const foreign = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/config',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses mutating requests without the preflight-forcing client header', async () => {
    const { app } = await startTestApp();
    app.post('/echo', async () => ({ ok: true }));
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('x-content-studio');
  });

  it.each([
    ['0', '127.0.0.1'],
    ['1', '203.0.113.9'],
  ])('with TRUST_PROXY_HOPS=%s, a client cannot choose its IP through X-Forwarded-For', async (hops, expected) => {
    const built = await startTestApp(testConfig({ TRUST_PROXY_HOPS: hops }));
    built.app.get('/ip', async (request) => ({ ip: request.ip }));
    // The client forged the first entry; Render's router appended the address it really saw.
    const res = await built.app.inject({
      method: 'GET',
      url: '/ip',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
    });
    expect(res.json().ip).toBe(expected);
  });

  it('limits each IP, keyed on the trusted address, with Retry-After', async () => {
    const { app } = await startTestApp();
    let last = await app.inject({ method: 'GET', url: '/healthz' });
    for (let i = 0; i < 600 && last.statusCode === 200; i++) {
      last = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': `10.0.0.${i % 250}` } });
    }
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json().error.code).toBe('RATE_LIMITED');
  });

  it('sends security headers', async () => {
    const { app } = await startTestApp();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
