import type { RenewedUploadSession, SessionGrant } from '@content-studio/contract';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, useListeningSandboxApp } from './sandbox-app';
import { createUpload, putChunk, type HttpResult } from './upload-client';
import { videoSource } from './video-source';

/**
 * A creator reloads mid-upload after the SPA refreshed its token: the session was sealed for the
 * old token, so the SPA asks the proxy to re-bind it. Only a token of the same creator may do so
 * (TikTok's status endpoint is the proof), the deadline never moves, and the upload then finishes
 * byte exact from where it stopped.
 */
const MiB = 1024 * 1024;
const source = videoSource(70 * MiB);

const live = useListeningSandboxApp();

type Answer = HttpResult<RenewedUploadSession & { error?: { code: string } }>;

async function renew(token: string, publishId: string, uploadSession: string | undefined): Promise<Answer> {
  const res = await request(`${live.base}/api/v1/uploads/${encodeURIComponent(publishId)}/session`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...CLIENT_HEADERS,
      ...(uploadSession === undefined ? {} : { 'x-upload-session': uploadSession }),
    },
  });
  return { status: res.statusCode, body: (await res.body.json()) as Answer['body'] };
}

/** The SPA's refresh: a new access token for the same creator, from the sealed refresh token. */
async function refreshed(grant: SessionGrant): Promise<SessionGrant> {
  const res = await live.ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: CLIENT_HEADERS,
    payload: { sealedRefresh: grant.sealedRefresh },
  });
  expect(res.statusCode).toBe(200);
  const next = res.json<SessionGrant>();
  expect(next.accessToken).not.toBe(grant.accessToken);
  return next;
}

const chunk = (upload: { chunkSize: number; videoSize: number; chunkCount: number }, index: number) => {
  const start = index * upload.chunkSize;
  const end = index === upload.chunkCount - 1 ? upload.videoSize - 1 : start + upload.chunkSize - 1;
  return { body: source.range(start, end), length: end - start + 1 };
};

const uploadHostRequests = () =>
  Object.entries(live.ctx.sandbox.stats().requests)
    .filter(([key]) => key.startsWith('PUT /upload/'))
    .reduce((sum, [, n]) => sum + n, 0);

describe('re-binding an upload session after a token refresh', () => {
  it('lets the same creator finish the upload with the new token, byte exact, with the same deadline', async () => {
    const grant = await live.ctx.signIn('ava');
    const created = await createUpload(live.base, grant.accessToken, { mode: 'draft', videoSize: source.size });
    expect(created.status).toBe(201);
    const upload = created.body;
    expect(upload.chunkCount).toBeGreaterThan(1);
    const first = chunk(upload, 0);
    expect((await putChunk(live.base, grant.accessToken, upload, 0, first.body, first.length)).status).toBe(200);

    const next = await refreshed(grant);
    const second = chunk(upload, 1);
    const stale = await putChunk(live.base, next.accessToken, upload, 1, second.body, second.length);
    expect(stale.status).toBe(403);
    expect(stale.body.error?.code).toBe('UPLOAD_SESSION_INVALID');

    const renewed = await renew(next.accessToken, upload.publishId, upload.uploadSession);
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresAt).toBe(upload.expiresAt);
    expect(renewed.body.uploadSession).not.toBe(upload.uploadSession);

    const rebound = { ...upload, uploadSession: renewed.body.uploadSession };
    for (let index = 1; index < upload.chunkCount; index++) {
      const part = chunk(upload, index);
      const res = await putChunk(live.base, next.accessToken, rebound, index, part.body, part.length);
      expect(res.status).toBe(200);
    }
    const report = live.ctx.sandbox.upload(upload.publishId);
    expect(report?.complete).toBe(true);
    expect(report?.sha256).toBe(await source.sha256());
    expect(live.ctx.sandbox.stats().inits).toEqual({ direct: 0, inbox: 1 });

    // The renewed session is now bound to the new token only.
    const again = chunk(upload, 0);
    const old = await putChunk(live.base, grant.accessToken, rebound, 0, again.body, again.length);
    expect(old.status).toBe(403);
  });

  it("refuses another creator's token without re-sealing anything", async () => {
    const ava = await live.ctx.signIn('ava');
    const { body: upload } = await createUpload(live.base, ava.accessToken, { mode: 'draft', videoSize: source.size });
    const pia = await live.ctx.signIn('pia');
    const res = await renew(pia.accessToken, upload.publishId, upload.uploadSession);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('UPLOAD_SESSION_INVALID');
    expect(res.body.uploadSession).toBeUndefined();
    expect(uploadHostRequests()).toBe(0);
  });

  it('refuses a missing, tampered or foreign-publish session before asking TikTok anything', async () => {
    const ava = await live.ctx.signIn('ava');
    const { body: upload } = await createUpload(live.base, ava.accessToken, { mode: 'draft', videoSize: source.size });
    const s = upload.uploadSession;
    const statusCalls = () => live.ctx.sandbox.stats().requests['POST /v2/post/publish/status/fetch/'] ?? 0;
    const before = statusCalls();

    const missing = await renew(ava.accessToken, upload.publishId, undefined);
    const tampered = await renew(
      ava.accessToken,
      upload.publishId,
      s.slice(0, 20) + (s[20] === 'A' ? 'B' : 'A') + s.slice(21),
    );
    const foreign = await renew(ava.accessToken, 'v_inbox_file~v2-1.999', s);
    expect([missing.status, tampered.status, foreign.status]).toEqual([400, 400, 403]);
    for (const res of [missing, tampered, foreign]) expect(res.body.error?.code).toBe('UPLOAD_SESSION_INVALID');
    expect(statusCalls()).toBe(before);
  });
});
