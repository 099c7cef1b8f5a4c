import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startSandboxApp } from './sandbox-app';
import {
  createUpload,
  oneShotFields,
  putChunk,
  uploadOneShot,
  uploadResumable,
  type HttpResult,
} from './upload-client';
import { videoSource } from './video-source';

/**
 * docs/requirements/security-reliability.md#client-abort, #chunk-retry and #bounded-slowness: what TikTok's upload host (or the creator's network) does wrong, and what the proxy
 * makes of it. Where TikTok's rules allow a retry, the retried upload must still be byte exact.
 */
const MiB = 1024 * 1024;
const source = videoSource(70 * MiB); // > 64 MiB: seven 10 MiB chunks, the last absorbing the rest

let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let base: string;
let expectedSha: string;
beforeAll(async () => {
  ctx = await startSandboxApp(
    { audited: true, postsPerDayCap: 1000 },
    {},
    { tiktokTimeouts: { uploadHeadersMs: 1500, uploadBodyMs: 1500, headersMs: 1500, bodyMs: 1500 } },
  );
  base = await ctx.listen();
  expectedSha = await source.sha256();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.sandbox.reset());

function errorsOf(attempts: Array<{ index: number; result: HttpResult }>) {
  return attempts
    .filter((a) => a.result.status !== 200)
    .map((a) => ({ index: a.index, status: a.result.status, ...(a.result.body as { error: object }).error }));
}

async function resumableWithFault(fault: Parameters<typeof ctx.sandbox.injectFault>[0], afterChunks: number) {
  const { accessToken } = await ctx.signIn('ava');
  const attempts: Array<{ index: number; result: HttpResult }> = [];
  const outcome = await uploadResumable(base, accessToken, source, {
    mode: 'direct',
    maxAttempts: 3,
    onAttempt: (index, result) => {
      attempts.push({ index, result });
      if (index === afterChunks - 1 && result.status === 200 && !attempts.some((a) => a.index === afterChunks)) {
        ctx.sandbox.injectFault(fault);
      }
    },
  });
  return { ...outcome, attempts, report: ctx.sandbox.upload(outcome.upload.publishId) };
}

describe('resumable path under upload-host faults', () => {
  it('a 5xx on a chunk is retryable; the retry completes byte exact', async () => {
    const { failed, attempts, report } = await resumableWithFault(
      { target: 'upload', kind: 'status', httpStatus: 503 },
      2,
    );
    expect(failed).toBeUndefined();
    expect(errorsOf(attempts)).toEqual([
      expect.objectContaining({ index: 2, status: 502, code: 'UPSTREAM_UNAVAILABLE', retryable: true }),
    ]);
    expect(report?.sha256).toBe(expectedSha);
  });

  it('a connection reset mid-chunk is retryable; the retry completes byte exact', async () => {
    const { failed, attempts, report } = await resumableWithFault(
      { target: 'upload', kind: 'reset-mid-body', afterBytes: 3 * MiB },
      3,
    );
    expect(failed).toBeUndefined();
    expect(errorsOf(attempts)).toEqual([
      expect.objectContaining({ index: 3, code: 'UPSTREAM_UNAVAILABLE', retryable: true }),
    ]);
    expect(report?.sha256).toBe(expectedSha);
  });

  it('a stalled upload host becomes a bounded, retryable timeout', async () => {
    const { failed, attempts, report } = await resumableWithFault({ target: 'upload', kind: 'stall', ms: 10_000 }, 1);
    expect(failed).toBeUndefined();
    expect(errorsOf(attempts)).toEqual([
      expect.objectContaining({ index: 1, status: 504, code: 'UPSTREAM_TIMEOUT', retryable: true }),
    ]);
    expect(report?.sha256).toBe(expectedSha);
  });

  it('a chunk that arrives slowly but steadily, for longer than the upload-host timeout, goes through', async () => {
    // The SPA sends chunks of up to 64,000,000 bytes (the last up to 128,000,000): on a slow uplink
    // one takes minutes. The upload-host timer (1.5 s here) must count TikTok's silence, never how
    // long a chunk takes, or every big chunk from a slow creator would fail the same way.
    const { accessToken } = await ctx.signIn('ava');
    const slow = videoSource(1024 * 1024);
    const created = await createUpload(base, accessToken, { mode: 'draft', videoSize: slow.size });
    expect(created.body).toMatchObject({ chunkCount: 1 });
    async function* trickle() {
      for await (const piece of slow.range(0, slow.size - 1, 64 * 1024)) {
        yield piece;
        await new Promise((resolve) => setTimeout(resolve, 250)); // 16 pieces: ~4 s in all
      }
    }
    const started = Date.now();
    const res = await putChunk(base, accessToken, created.body, 0, trickle(), slow.size);
    expect(Date.now() - started).toBeGreaterThan(3_000);
    expect(res).toMatchObject({ status: 200, body: { complete: true } });
    expect(ctx.sandbox.upload(created.body.publishId)?.sha256).toBe(await slow.sha256());
  });

  it('a 416 says the upload is out of sync and is not blindly retried', async () => {
    const { failed, report } = await resumableWithFault({ target: 'upload', kind: 'range-mismatch' }, 4);
    expect(failed).toMatchObject({
      index: 4,
      status: 409,
      body: { error: { code: 'UPLOAD_OUT_OF_SYNC', retryable: false } },
    });
    expect(report?.receivedBytes).toBe(4 * 10 * MiB);
    // Where to continue, as a number a client need not read out of the message.
    expect(failed?.body).toMatchObject({ error: { uploadedBytes: 4 * 10 * MiB } });
  });

  it('an expired upload URL tells the creator to start again', async () => {
    const { failed } = await resumableWithFault({ target: 'upload', kind: 'expire-url' }, 5);
    expect(failed).toMatchObject({
      index: 5,
      status: 410,
      body: { error: { code: 'UPLOAD_RESTART_REQUIRED', retryable: false } },
    });
  });
});

describe('a client that goes away mid-chunk', () => {
  it('aborts the upstream PUT; the sandbox keeps nothing of that chunk and a retry completes', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const created = await createUpload(base, accessToken, { mode: 'direct', videoSize: source.size });
    const upload = created.body;
    const chunk = (i: number) => {
      const start = i * upload.chunkSize;
      const end = i === upload.chunkCount - 1 ? upload.videoSize - 1 : start + upload.chunkSize - 1;
      return { start, end, length: end - start + 1 };
    };
    expect(
      (await putChunk(base, accessToken, upload, 0, source.range(chunk(0).start, chunk(0).end), chunk(0).length))
        .status,
    ).toBe(200);

    // Send 4 MiB of chunk 1, then vanish.
    const controller = new AbortController();
    const c1 = chunk(1);
    async function* partThenHang() {
      yield* source.range(c1.start, c1.start + 4 * MiB - 1);
      controller.abort();
      await new Promise(() => undefined);
    }
    await expect(
      request(`${base}/api/v1/uploads/${encodeURIComponent(upload.publishId)}/chunks/1`, {
        method: 'PUT',
        signal: controller.signal,
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-length': String(c1.length),
          'content-type': 'application/octet-stream',
          'x-upload-session': upload.uploadSession,
          'x-content-studio': '1',
        },
        body: (await import('node:stream')).Readable.from(partThenHang()),
      }),
    ).rejects.toThrow();

    // The proxy must abort its PUT promptly: TikTok never sees a completed chunk 1.
    await expect.poll(() => ctx.sandbox.stats().chunksRejected, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    expect(ctx.sandbox.upload(upload.publishId)?.receivedBytes).toBe(chunk(0).length);

    for (let i = 1; i < upload.chunkCount; i++) {
      const c = chunk(i);
      expect((await putChunk(base, accessToken, upload, i, source.range(c.start, c.end), c.length)).status).toBe(200);
    }
    expect(ctx.sandbox.upload(upload.publishId)?.sha256).toBe(expectedSha);
  });
});

describe('one-shot path under faults', () => {
  it('a body shorter than videoSize fails clearly and TikTok never completes the video', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const res = await uploadOneShot(
      base,
      accessToken,
      oneShotFields('draft', source.size),
      source.range(0, 30 * MiB - 1),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VIDEO_SIZE_MISMATCH');
    expect(ctx.sandbox.stats().uploadsCompleted).toBe(0);
  });

  it('a body longer than videoSize fails before TikTok receives its last byte', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const res = await uploadOneShot(base, accessToken, oneShotFields('direct', source.size - 1), source.all());
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VIDEO_SIZE_MISMATCH');
    expect(ctx.sandbox.stats().uploadsCompleted).toBe(0);
  });

  it('a 5xx on a chunk fails the one-shot upload as retryable (the caller starts over)', async () => {
    const { accessToken } = await ctx.signIn('ava');
    ctx.sandbox.injectFault({ target: 'upload', kind: 'status', httpStatus: 500 });
    const res = await uploadOneShot(base, accessToken, oneShotFields('direct', source.size), source.all());
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
  });
});
