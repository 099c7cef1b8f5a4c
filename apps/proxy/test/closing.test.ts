import { connect } from 'node:net';
import { ErrorBodySchema } from '@content-studio/contract';
import { expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';

/**
 * During shutdown a request that still arrives on a kept-alive connection gets the contract's error
 * body (retryable, Retry-After), not Fastify's default 503 body.
 */
it('refuses a request that arrives while shutting down with the contract’s retryable error body', async () => {
  const ctx = await startSandboxApp();
  try {
    const { accessToken } = await ctx.signIn('ava');
    const url = new URL(await ctx.listen());
    // TikTok answers user info slowly, so that request is still in flight when shutdown begins.
    ctx.sandbox.injectFault({ target: 'user_info', kind: 'delay', ms: 400 });
    const socket = connect(Number(url.port), '127.0.0.1');
    let raw = '';
    socket.on('data', (data) => (raw += data));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${accessToken}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = ctx.app.close();
    // Pipelined on the same connection: parsed only once shutdown has begun.
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await closing;
    await ended;

    const [first, second] = raw.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/\r\nretry-after: 5\r\n/i);
    const body = ErrorBodySchema.parse(JSON.parse(second?.slice(second.indexOf('\r\n\r\n') + 4) ?? ''));
    expect(body.error).toMatchObject({ code: 'SERVICE_OVERLOADED', retryable: true });
    expect(body.error.message).toMatch(/restarting/);
  } finally {
    await ctx.sandbox.close();
  }
});
