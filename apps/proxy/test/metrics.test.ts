import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';
import { buildTestApp } from './test-config';
import { createUpload, oneShotFields, putChunk, uploadOneShot, uploadResumable } from './upload-client';
import { videoSource } from './video-source';

const MiB = 1024 * 1024;

/** `name{labels} value` lines of a Prometheus text exposition, summed over lines matching `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? '';
    if (!Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) continue;
    total = (total ?? 0) + Number(match[3]);
  }
  return total;
}

describe('metrics are off by default', () => {
  it('has no metrics server and no /metrics route without METRICS_PORT', async () => {
    const { app } = await buildTestApp();
    try {
      expect(app.metricsServer).toBeUndefined();
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('process_resident_memory_bytes');
    } finally {
      await app.close();
    }
  });
});

describe('metrics endpoint after real traffic', () => {
  let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
  let base: string;
  let metricsUrl: string;
  beforeAll(async () => {
    ctx = await startSandboxApp({ audited: true, postsPerDayCap: 1000 }, { METRICS_PORT: '0' });
    base = await ctx.listen();
    if (!ctx.app.metricsServer) throw new Error('METRICS_PORT set, yet no metrics server');
    metricsUrl = `${await ctx.app.metricsServer.listen({ host: '127.0.0.1', port: 0 })}/metrics`;
  });
  afterAll(() => ctx.close());

  async function scrape(): Promise<string> {
    const res = await request(metricsUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body.text();
  }

  it('is not served on the public port', async () => {
    const res = await request(`${base}/metrics`);
    expect(res.statusCode).toBe(404);
    await res.body.dump();
  });

  it('moves its counters with uploads, failures and refusals, and leaks nothing into labels', async () => {
    const before = await scrape();
    const chunkRoute = '/api/v1/uploads/:publishId/chunks/:index';
    const grant = await ctx.signIn('ava');
    const token = grant.accessToken;

    const resumable = videoSource(12 * MiB);
    const done = await uploadResumable(base, token, resumable, { mode: 'draft' });
    expect(done.failed).toBeUndefined();
    const oneShot = videoSource(6 * MiB);
    expect((await uploadOneShot(base, token, oneShotFields('draft', oneShot.size), oneShot.all())).status).toBe(201);

    // TikTok refuses one chunk: an upstream error, counted by the code it became.
    const failing = (await createUpload(base, token, { mode: 'draft', videoSize: resumable.size })).body;
    ctx.sandbox.injectFault({ target: 'upload', kind: 'status', httpStatus: 500 });
    const refusedChunk = await putChunk(
      base,
      token,
      failing,
      0,
      resumable.range(0, failing.chunkSize - 1),
      failing.chunkSize,
    );
    expect(refusedChunk.status).toBeGreaterThanOrEqual(500);

    // Our own limit: TikTok allows 6 inits a minute per token; three were spent above.
    let limited = 0;
    for (let i = 0; i < 5; i += 1) {
      if ((await createUpload(base, token, { mode: 'draft', videoSize: resumable.size })).status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
    await request(`${base}/api/v1/uploads/${encodeURIComponent(failing.publishId)}/nowhere`).then((r) => r.body.dump());

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);

    expect(moved('content_studio_http_requests_total', { route: chunkRoute, status: '200' })).toBe(
      done.upload.chunkCount,
    );
    expect(moved('content_studio_http_requests_total', { route: '/api/v1/videos', status: '201' })).toBe(1);
    expect(moved('content_studio_http_requests_total', { route: '/api/v1/uploads', status: '429' })).toBe(limited);
    expect(moved('content_studio_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    // The sandbox counts inits across both init endpoints, as TikTok does, so some 429s are TikTok's.
    const ours = moved('content_studio_rate_limit_refusals_total', { route: '/api/v1/uploads' });
    expect(ours).toBeGreaterThanOrEqual(1);
    expect(ours + moved('content_studio_tiktok_errors_total', { code: 'RATE_LIMITED' })).toBe(limited);
    expect(moved('content_studio_tiktok_errors_total')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'content_studio_uploads_in_flight', { kind: 'chunk' })).toBe(0);
    expect(sample(after, 'content_studio_uploads_in_flight', { kind: 'one_shot' })).toBe(0);
    const chunkBytes = moved('content_studio_upload_bytes_streamed_total', { kind: 'chunk' });
    // Every chunk body, plus a few hundred bytes of headers per request.
    expect(chunkBytes).toBeGreaterThanOrEqual(resumable.size + failing.chunkSize);
    expect(chunkBytes).toBeLessThan(resumable.size + failing.chunkSize + 10_000);
    expect(moved('content_studio_upload_bytes_streamed_total', { kind: 'one_shot' })).toBeGreaterThanOrEqual(
      oneShot.size,
    );
    expect(moved('content_studio_chunk_duration_seconds_count', { outcome: 'ok' })).toBe(done.upload.chunkCount);
    expect(moved('content_studio_chunk_duration_seconds_count', { outcome: 'error' })).toBe(1);

    // Process figures operators (and bench:soak) read.
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_external_memory_bytes',
      'content_studio_array_buffers_bytes',
      'process_open_fds',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect.soft({ [name]: sample(after, name) }).toEqual({ [name]: expect.any(Number) });
      expect(sample(after, name)).toBeGreaterThan(0);
    }

    // Canaries: nothing that identifies a creator, an upload or a TikTok URL is ever a label.
    const profile = (
      await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })
    ).json();
    for (const canary of [
      token,
      grant.openId,
      profile.openId,
      done.upload.publishId,
      failing.publishId,
      failing.uploadSession,
      ctx.sandbox.url,
    ]) {
      expect(after).not.toContain(canary);
    }
    expect(after).not.toMatch(/upload_token|act\.|http:\/\//);
  });

  it('counts a chunk whose client went away mid-body, and does not leave it in flight', async () => {
    const grant = await ctx.signIn('pia');
    const source = videoSource(12 * MiB);
    const upload = (await createUpload(base, grant.accessToken, { mode: 'draft', videoSize: source.size })).body;
    const before = await scrape();
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}/api/v1/uploads/${encodeURIComponent(upload.publishId)}/chunks/0`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${grant.accessToken}`,
          'content-type': 'application/octet-stream',
          'content-length': String(upload.chunkSize),
          'x-upload-session': upload.uploadSession,
          'x-content-studio': '1',
        },
      });
      req.on('error', () => undefined);
      req.on('close', () => resolve());
      void (async () => {
        // A real video head, so the proxy starts streaming to TikTok before the client vanishes.
        for await (const piece of source.range(0, 256 * 1024 - 1)) req.write(piece);
        setTimeout(() => req.destroy(), 50);
      })();
    });
    let after = await scrape();
    for (let i = 0; i < 100 && sample(after, 'content_studio_uploads_in_flight', { kind: 'chunk' }) !== 0; i += 1) {
      await sleep(20);
      after = await scrape();
    }
    expect(sample(after, 'content_studio_uploads_in_flight', { kind: 'chunk' })).toBe(0);
    const count = (text: string) =>
      sample(text, 'content_studio_chunk_duration_seconds_count', { outcome: 'aborted' }) ?? 0;
    expect(count(after) - count(before)).toBe(1);
  });
});
