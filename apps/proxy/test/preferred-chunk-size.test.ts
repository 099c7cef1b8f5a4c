import {
  DEFAULT_CHUNK_BYTES,
  MAX_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  PREFERRED_BROWSER_CHUNK_BYTES,
} from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { useListeningSandboxApp } from './sandbox-app';
import { createUpload, uploadResumable } from './upload-client';
import { videoSource } from './video-source';

/**
 * `preferredChunkSize` on `POST /api/v1/uploads`: the client's wish, fitted by the contract's
 * planner to TikTok's chunk rules (Media Transfer Guide) before the init, so TikTok only ever sees a
 * valid plan; nonsense is refused before anything reaches TikTok.
 */
const MiB = 1024 * 1024;
const live = useListeningSandboxApp();

type ErrorAnswer = { error: { code: string; message: string; retryable: boolean } };

/** A fresh token per init: TikTok allows 6 inits a minute per token, and each test makes several. */
async function init(videoSize: number, preferredChunkSize?: unknown) {
  const { accessToken } = await live.ctx.signIn('ava');
  return createUpload(live.base, accessToken, {
    mode: 'draft',
    videoSize,
    ...(preferredChunkSize === undefined ? {} : { preferredChunkSize }),
  });
}

describe('the preferred chunk size of a resumable init', () => {
  it('is honoured: the plan TikTok is given, the plan answered, and the chunks that follow it', async () => {
    const source = videoSource(200 * MiB);
    const { accessToken } = await live.ctx.signIn('ava');
    const { upload, failed } = await uploadResumable(live.base, accessToken, source, {
      mode: 'draft',
      preferredChunkSize: PREFERRED_BROWSER_CHUNK_BYTES,
    });
    expect(failed).toBeUndefined();
    expect(upload).toMatchObject({ chunkSize: 64_000_000, chunkCount: 3 });
    const report = live.ctx.sandbox.upload(upload.publishId);
    expect(report).toMatchObject({ chunkSize: 64_000_000, totalChunkCount: 3, complete: true });
    // The last chunk takes the remainder: 209,715,200 − 2 × 64,000,000 bytes.
    expect(report?.chunks.map((chunk) => chunk.length)).toEqual([64_000_000, 64_000_000, 81_715_200]);
    expect(report?.sha256).toBe(await source.sha256());
  });

  it('is any size within the rules, taken as it is', async () => {
    const res = await init(200 * MiB, 32 * MiB);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chunkSize: 32 * MiB, chunkCount: 6 });
    expect(live.ctx.sandbox.upload(res.body.publishId)).toMatchObject({ chunkSize: 32 * MiB, totalChunkCount: 6 });
  });

  it("is the proxy's default when absent", async () => {
    const res = await init(200 * MiB);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chunkSize: DEFAULT_CHUNK_BYTES, chunkCount: 20 });
  });

  it.each([
    ['below 5 MiB: raised to 5 MiB', 200 * MiB, 1, MIN_CHUNK_BYTES, 40],
    ['above 64,000,000 bytes: lowered to it', 200 * MiB, 1_000_000_000_000, MAX_CHUNK_BYTES, 3],
    ['above half the file: half the file, so never one chunk over 64,000,000', 100 * MiB, MAX_CHUNK_BYTES, 50 * MiB, 2],
    ['for a file up to 64,000,000 bytes: the whole file', 30 * MiB, MIN_CHUNK_BYTES, 30 * MiB, 1],
    ['the largest safe integer: 64,000,000', 4_000_000_000, Number.MAX_SAFE_INTEGER, MAX_CHUNK_BYTES, 62],
  ])('is clamped %s', async (_rule, videoSize, preferred, chunkSize, chunkCount) => {
    const res = await init(videoSize, preferred);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chunkSize, chunkCount });
    expect(live.ctx.sandbox.upload(res.body.publishId)).toMatchObject({ chunkSize, totalChunkCount: chunkCount });
  });

  it('falls back to the smallest chunks when TikTok refuses the largest ones', async () => {
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'chunk-size-invalid' });
    const res = await init(200 * MiB, PREFERRED_BROWSER_CHUNK_BYTES);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chunkSize: MIN_CHUNK_BYTES, chunkCount: 40 });
    expect(live.ctx.sandbox.stats().inits.inbox).toBe(1);
  });

  it.each([
    ['zero', 0],
    ['negative', -10 * MiB],
    ['fractional', 10 * MiB + 0.5],
    ['beyond the safe integers', 2 ** 53],
    ['a string', '67108864'],
    ['null', null],
    ['an object', { bytes: 10 * MiB }],
  ])('is refused when %s, with a 400 naming the field and nothing sent to TikTok', async (_what, preferred) => {
    const res = await init(200 * MiB, preferred);
    expect(res.status).toBe(400);
    const { error } = res.body as unknown as ErrorAnswer;
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', retryable: false });
    expect(error.message).toMatch(/^Invalid request body\. .*preferredChunkSize/);
    expect(live.ctx.sandbox.stats().requests['POST /v2/post/publish/inbox/video/init/']).toBeUndefined();
    expect(live.ctx.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
  });

  it('refused, does not count against the 6 inits a minute', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    for (let i = 0; i < 6; i++) {
      const refused = await createUpload(live.base, accessToken, {
        mode: 'draft',
        videoSize: 200 * MiB,
        preferredChunkSize: -1,
      });
      expect(refused.status).toBe(400);
    }
    const res = await createUpload(live.base, accessToken, {
      mode: 'draft',
      videoSize: 200 * MiB,
      preferredChunkSize: MIN_CHUNK_BYTES,
    });
    expect(res.status).toBe(201);
  });
});
