import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, startSandboxApp } from './sandbox-app';
import { createUpload, oneShotFields, putChunk, uploadOneShot, uploadResumable } from './upload-client';
import { videoSource } from './video-source';

/**
 * docs/requirements/security-reliability.md#no-secrets-in-output over whole flows at the most verbose log level, with TikTok failing in every way the sandbox
 * can: no client secret, access or refresh token, authorization code or upload URL may appear in any
 * log line, nor any of them (but the caller's own grant) in any response.
 */
let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let base: string;
beforeAll(async () => {
  ctx = await startSandboxApp(
    { audited: true, postsPerDayCap: 1000 },
    { LOG_LEVEL: 'trace' },
    {
      tiktokTimeouts: { uploadHeadersMs: 1000, uploadBodyMs: 1000, headersMs: 1000, bodyMs: 1000 },
    },
  );
  base = await ctx.listen();
});
afterAll(() => ctx.close());

describe('log and response canary', () => {
  it('never leaks a credential through a full run of successes and failures', async () => {
    const source = videoSource(70 * 1024 * 1024);
    const grant = await ctx.signIn('ava');
    const token = grant.accessToken;

    for (const fault of [
      { target: 'upload', kind: 'status', httpStatus: 500 },
      { target: 'upload', kind: 'reset-mid-body', afterBytes: 1024 },
      { target: 'upload', kind: 'stall', ms: 3000 },
      { target: 'upload', kind: 'range-mismatch' },
      { target: 'init', kind: 'status', httpStatus: 503 },
      { target: 'status', kind: 'status', httpStatus: 500 },
      { target: 'token', kind: 'status', httpStatus: 500 },
    ] as const) {
      ctx.sandbox.injectFault(fault);
      if (fault.target === 'upload') {
        await uploadResumable(base, token, source, { mode: 'direct', maxAttempts: 2 });
      } else if (fault.target === 'init') {
        await createUpload(base, token, { mode: 'draft', videoSize: source.size });
      } else if (fault.target === 'status') {
        await ctx.app.inject({
          method: 'GET',
          url: '/api/v1/posts/v_pub_file~v2-1.1/status',
          headers: { authorization: `Bearer ${token}` },
        });
      } else {
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          headers: CLIENT_HEADERS,
          payload: { sealedRefresh: grant.sealedRefresh },
        });
      }
    }
    const upload = (await createUpload(base, token, { mode: 'draft', videoSize: source.size })).body;
    ctx.sandbox.injectFault({ target: 'upload', kind: 'expire-url' });
    await putChunk(base, token, upload, 0, source.range(0, upload.chunkSize - 1), upload.chunkSize);
    await uploadOneShot(base, token, oneShotFields('direct', source.size - 5), source.all());
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/revoke',
      headers: { ...CLIENT_HEADERS, authorization: `Bearer ${token}` },
    });
    await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

    const log = ctx.logLines.join('\n');
    expect(ctx.logLines.length).toBeGreaterThan(20);
    expect(log).not.toContain(token);
    expect(log).not.toContain(ctx.sandbox.clientSecret);
    expect(log).not.toContain(upload.uploadSession);
    expect(log).not.toContain(grant.sealedRefresh);
    expect(log).not.toMatch(/upload_token|act\.[\w-]{6}|rft\.[\w-]{6}/);
    const errors = ctx.responses.filter((body) => body.startsWith('{"error"')).join('\n');
    expect(errors).not.toMatch(/upload_token|act\.|rft\.|\/upload\/video/);
    expect(errors).not.toContain(ctx.sandbox.clientSecret);
  });
});
