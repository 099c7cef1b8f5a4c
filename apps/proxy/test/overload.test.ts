import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';
import { createUpload, putChunk } from './upload-client';
import { videoSource } from './video-source';

/** docs/requirements/security-reliability.md#overload: when the instance reports overload, new work is refused early; running uploads continue. */
let overloaded = false;
let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let base: string;
beforeAll(async () => {
  ctx = await startSandboxApp(
    { audited: true },
    {},
    {
      pressure: { healthCheck: async () => !overloaded, healthCheckIntervalMs: 20 },
    },
  );
  base = await ctx.listen();
});
afterAll(() => ctx.close());

describe('under pressure', () => {
  it('refuses new uploads with 503 + Retry-After while a running chunk completes', async () => {
    const source = videoSource(6 * 1024 * 1024);
    const { accessToken } = await ctx.signIn('ava');
    const created = await createUpload(base, accessToken, { mode: 'draft', videoSize: source.size });
    expect(created.status).toBe(201);

    // A slow chunk: the first half now, the rest after the instance has become overloaded.
    async function* slowly() {
      yield* source.range(0, source.size / 2 - 1);
      overloaded = true;
      await sleep(200);
      yield* source.range(source.size / 2, source.size - 1);
    }
    const running = putChunk(base, accessToken, created.body, 0, Readable.from(slowly()), source.size);

    await sleep(100);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { authorization: `Bearer ${accessToken}`, 'x-content-studio': '1' },
      payload: { mode: 'draft', videoSize: 10, mimeType: 'video/mp4' },
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.json().error).toMatchObject({ code: 'SERVICE_OVERLOADED', retryable: true });
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    const done = await running;
    expect(done.status).toBe(200);
    expect(done.body.complete).toBe(true);
    expect(ctx.sandbox.stats().inits.inbox).toBe(1);
    overloaded = false;
  });
});
