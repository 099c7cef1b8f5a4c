import { describe, expect, it } from 'vitest';
import { createSealer } from '../src/seal/seal';
import { hashAccessToken, sealUploadSession } from '../src/upload/upload-session';
import { startSandboxApp, useListeningSandboxApp } from './sandbox-app';
import { CANARIES } from './test-config';
import { DEFAULT_POST, createUpload, oneShotFields, putChunk, uploadOneShot } from './upload-client';
import { TINY_MP4, videoSource } from './video-source';

/**
 * docs/requirements/security-reliability.md#outbound-allowlist, #sealed-upload-sessions and #streaming-limits: every hostile upload is refused before TikTok's upload host is contacted (counted at
 * the sandbox), and nothing of it is kept.
 */
const MiB = 1024 * 1024;
const source = videoSource(70 * MiB);
const TINY = videoSource(TINY_MP4.length);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n'), Buffer.alloc(6 * MiB)]);

const live = useListeningSandboxApp();

const uploadHostRequests = () =>
  Object.entries(live.ctx.sandbox.stats().requests)
    .filter(([key]) => key.startsWith('PUT /upload/'))
    .reduce((sum, [, n]) => sum + n, 0);

async function freshUpload(videoSize = source.size) {
  const { accessToken } = await live.ctx.signIn('ava');
  const created = await createUpload(live.base, accessToken, { mode: 'draft', videoSize });
  expect(created.status).toBe(201);
  return { accessToken, upload: created.body };
}

const firstChunk = (chunkSize: number) => source.range(0, chunkSize - 1);

// docs/requirements/security-reliability.md#sealed-upload-sessions
describe('sealed upload sessions', () => {
  it('refuses a tampered session', async () => {
    const { accessToken, upload } = await freshUpload();
    const s = upload.uploadSession;
    const tampered = { ...upload, uploadSession: s.slice(0, 20) + (s[20] === 'A' ? 'B' : 'A') + s.slice(21) };
    const res = await putChunk(live.base, accessToken, tampered, 0, firstChunk(upload.chunkSize), upload.chunkSize);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('UPLOAD_SESSION_INVALID');
    expect(uploadHostRequests()).toBe(0);
  });

  it("refuses a session used with another creator's token", async () => {
    const { upload } = await freshUpload();
    const other = await live.ctx.signIn('pia');
    const res = await putChunk(live.base, other.accessToken, upload, 0, firstChunk(upload.chunkSize), upload.chunkSize);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('UPLOAD_SESSION_INVALID');
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses a session for another publish id', async () => {
    const a = await freshUpload();
    const b = await freshUpload();
    const res = await putChunk(
      live.base,
      a.accessToken,
      { publishId: b.upload.publishId, uploadSession: a.upload.uploadSession },
      0,
      firstChunk(a.upload.chunkSize),
      a.upload.chunkSize,
    );
    expect(res.status).toBe(403);
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses an expired session', async () => {
    const { accessToken, upload } = await freshUpload();
    // Sealed with the proxy's key (the test config's), already past its expiry.
    const sealer = createSealer(Buffer.from(CANARIES.sealKey, 'base64'));
    const expired = sealUploadSession(
      sealer,
      {
        publishId: upload.publishId,
        uploadUrl: `${live.ctx.sandbox.url}/upload/video/?upload_id=1&upload_token=x`,
        mode: 'draft',
        mimeType: 'video/mp4',
        videoSize: upload.videoSize,
        chunkSize: upload.chunkSize,
        chunkCount: upload.chunkCount,
        tokenHash: hashAccessToken(accessToken),
      },
      Date.now() - 1,
    );
    const res = await putChunk(
      live.base,
      accessToken,
      { ...upload, uploadSession: expired },
      0,
      firstChunk(upload.chunkSize),
      upload.chunkSize,
    );
    expect(res.status).toBe(410);
    expect(res.body.error?.code).toBe('UPLOAD_SESSION_EXPIRED');
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses chunks outside the plan and bodies of the wrong length', async () => {
    const { accessToken, upload } = await freshUpload();
    const beyond = await putChunk(live.base, accessToken, upload, upload.chunkCount, firstChunk(10), 10);
    expect(beyond.status).toBe(400);
    const short = await putChunk(
      live.base,
      accessToken,
      upload,
      0,
      firstChunk(upload.chunkSize - 1),
      upload.chunkSize - 1,
    );
    expect(short.status).toBe(400);
    expect(short.body.error?.code).toBe('VIDEO_SIZE_MISMATCH');
    const long = await putChunk(
      live.base,
      accessToken,
      upload,
      0,
      firstChunk(upload.chunkSize + 1),
      upload.chunkSize + 1,
    );
    expect(long.body.error?.code).toBe('VIDEO_SIZE_MISMATCH');
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses a chunk without a session or a token', async () => {
    const { accessToken, upload } = await freshUpload();
    expect(
      (await putChunk(live.base, accessToken, { ...upload, uploadSession: '' }, 0, firstChunk(10), 10)).status,
    ).toBe(400);
    expect((await putChunk(live.base, '', upload, 0, firstChunk(10), 10)).status).toBe(401);
    expect(uploadHostRequests()).toBe(0);
  });
});

// docs/requirements/security-reliability.md#streaming-limits
describe('content checks while streaming', () => {
  it('refuses a first chunk that is not a video, before contacting TikTok', async () => {
    const { accessToken, upload } = await freshUpload(PDF.length);
    const res = await putChunk(live.base, accessToken, upload, 0, PDF, PDF.length);
    expect(res.status).toBe(415);
    expect(res.body.error?.code).toBe('VIDEO_FORMAT_UNSUPPORTED');
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses a one-shot file that is not a video before calling init', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    const res = await uploadOneShot(
      live.base,
      accessToken,
      oneShotFields('draft', PDF.length),
      (async function* () {
        yield PDF;
      })(),
    );
    expect(res.status).toBe(415);
    expect(live.ctx.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
  });

  it.each([
    ['over 4 GiB', { mode: 'draft', videoSize: 4 * 1024 ** 3 + 1, mimeType: 'video/mp4' }],
    ['zero bytes', { mode: 'draft', videoSize: 0, mimeType: 'video/mp4' }],
    ['an unsupported type', { mode: 'draft', videoSize: 100, mimeType: 'video/x-msvideo' }],
    ['direct without post settings', { mode: 'direct', videoSize: 100, mimeType: 'video/mp4' }],
    ['unknown fields', { mode: 'draft', videoSize: 100, mimeType: 'video/mp4', extra: true }],
  ])('refuses an init request with %s, without calling TikTok', async (_name, payload) => {
    const { accessToken } = await live.ctx.signIn('ava');
    const res = await live.ctx.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { authorization: `Bearer ${accessToken}`, 'x-content-studio': '1' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(live.ctx.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
  });

  it('refuses one-shot requests with fields after the file, a wrong file name or missing fields', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    const missing = await uploadOneShot(live.base, accessToken, { mode: 'draft' }, source.range(0, 1023));
    expect(missing.status).toBe(400);
    const unknown = await uploadOneShot(
      live.base,
      accessToken,
      { ...oneShotFields('draft', 1024), hack: '1' },
      source.range(0, 1023),
    );
    expect(unknown.status).toBe(400);
    expect(live.ctx.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
  });
});

// docs/requirements/security-reliability.md#outbound-allowlist
describe('upload URLs outside TIKTOK_UPLOAD_ORIGINS', () => {
  it('never PUTs to an upload URL the proxy is not configured to trust', async () => {
    const strict = await startSandboxApp(
      { audited: true },
      { TIKTOK_UPLOAD_ORIGINS: 'https://open-upload.tiktokapis.com' },
    );
    try {
      const strictBase = await strict.listen();
      const { accessToken } = await strict.signIn('ava');
      const res = await uploadOneShot(strictBase, accessToken, oneShotFields('draft', 2048), source.range(0, 2047));
      expect(res.status).toBe(502);
      expect(JSON.stringify(res.body)).not.toContain('upload_token');
      const puts = Object.entries(strict.sandbox.stats().requests).filter(([k]) => k.startsWith('PUT /upload/'));
      expect(puts).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});

// docs/requirements/security-reliability.md#rate-limits
describe('rate limits mirror TikTok', () => {
  const initRequests = () =>
    Object.entries(live.ctx.sandbox.stats().requests)
      .filter(([key]) => key.includes('/video/init/'))
      .reduce((sum, [, n]) => sum + n, 0);

  it('answers the 7th init of a mode within a minute locally with 429 and Retry-After, and counts each mode apart', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    // Whatever TikTok answers, an init counts: here TikTok fails all six.
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'status', httpStatus: 500, count: 6 });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await createUpload(live.base, accessToken, {
        mode: 'direct',
        videoSize: 1000,
        post: { ...DEFAULT_POST, privacyLevel: 'SELF_ONLY' },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = 'seen';
    }
    expect(statuses.slice(0, 6).every((s) => s === 502)).toBe(true);
    expect(statuses[6]).toBe(429);
    expect(retryAfter).toBe('seen');
    expect(initRequests()).toBe(6);
    // The inbox endpoint has its own six a minute at TikTok, so a draft still goes through.
    expect((await createUpload(live.base, accessToken, { mode: 'draft', videoSize: 1000 })).status).toBe(201);
  });

  it('shares the init budget between the one-shot and the resumable routes, with Retry-After', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    live.ctx.sandbox.injectFault({ target: 'init', kind: 'status', httpStatus: 500, count: 6 });
    for (let i = 0; i < 6; i++) {
      expect((await createUpload(live.base, accessToken, { mode: 'draft', videoSize: 1000 })).status).toBe(502);
    }
    const res = await live.ctx.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { authorization: `Bearer ${accessToken}`, 'x-content-studio': '1' },
      payload: { mode: 'draft', videoSize: 1000, mimeType: 'video/mp4' },
    });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const oneShot = await uploadOneShot(live.base, accessToken, oneShotFields('draft', TINY.size), TINY.all());
    expect(oneShot.status).toBe(429);
    expect(initRequests()).toBe(6);
  });
});
