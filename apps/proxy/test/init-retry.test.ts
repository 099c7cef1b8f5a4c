import { beforeEach, describe, expect, it } from 'vitest';
import { useListeningSandboxApp } from './sandbox-app';
import { createUpload, oneShotFields, uploadOneShot, uploadResumable } from './upload-client';
import { videoSource } from './video-source';

/**
 * Public reports have TikTok refuse some valid multi-chunk inits with 400 invalid_params "The chunk
 * size is invalid". A 400 init creates no post, so the proxy tries once more with another valid
 * plan (the sandbox injects the refusal) and the bytes follow the plan TikTok accepted.
 */
const source = videoSource(80_000_000);

const live = useListeningSandboxApp();
beforeEach(() => {
  live.ctx.logLines.length = 0;
});

const refusalLogs = () =>
  live.ctx.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => /chunk plan/.test(String(l.msg)));

describe('a refused multi-chunk plan', () => {
  it('is tried once more with the largest chunks, logged with TikTok’s log_id, and the upload arrives byte exact', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'chunk-size-invalid' });
    const { upload, failed } = await uploadResumable(live.base, accessToken, source, { mode: 'draft' });
    expect(failed).toBeUndefined();
    expect(upload).toMatchObject({ chunkSize: 40_000_000, chunkCount: 2 });
    expect(live.ctx.sandbox.stats().inits.inbox).toBe(1);
    const report = live.ctx.sandbox.upload(upload.publishId);
    expect(report?.sha256).toBe(await source.sha256());
    const [log] = refusalLogs();
    expect(log).toMatchObject({
      level: 40,
      videoSize: 80_000_000,
      refusedPlan: { chunkSize: 10 * 1024 * 1024, chunkCount: 7 },
    });
    expect(String(log?.tiktokLogId)).toMatch(/^\w{10,}$/);
  });

  it('works the same on the one-shot path', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'chunk-size-invalid' });
    const res = await uploadOneShot(live.base, accessToken, oneShotFields('draft', source.size), source.all());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chunkSize: 40_000_000, chunkCount: 2 });
    expect(live.ctx.sandbox.upload(String(res.body.publishId))?.sha256).toBe(await source.sha256());
  });

  it('refused twice gives the creator a clear message with TikTok’s reference, and no post', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'chunk-size-invalid', count: 2 });
    const res = await createUpload(live.base, accessToken, { mode: 'draft', videoSize: source.size });
    expect(res.status).toBe(400);
    const error = (
      res.body as unknown as { error: { code: string; message: string; retryable: boolean; tiktokLogId?: string } }
    ).error;
    expect(error).toMatchObject({ code: 'TIKTOK_REJECTED', retryable: false });
    expect(error.message).toMatch(/refused both ways this app can split this video/);
    expect(error.tiktokLogId).toMatch(/^\w{10,}$/);
    expect(live.ctx.sandbox.stats().inits.inbox).toBe(0);
    expect(refusalLogs()).toHaveLength(2);
  });

  it('is not retried for other refusals of init', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'status', httpStatus: 400, count: 1 });
    expect((await createUpload(live.base, accessToken, { mode: 'draft', videoSize: source.size })).status).toBe(400);
    expect(live.ctx.sandbox.stats().requests['POST /v2/post/publish/inbox/video/init/']).toBe(1);
    expect(refusalLogs()).toHaveLength(0);
  });
});
