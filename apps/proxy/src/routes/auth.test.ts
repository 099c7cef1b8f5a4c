import { ErrorBodySchema, SessionGrantSchema } from '@content-studio/contract';
import { obtainAuthorizationCode } from '@content-studio/tiktok-sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, REDIRECT_URI, startSandboxApp } from '../../test/sandbox-app';

let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
beforeAll(async () => {
  ctx = await startSandboxApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.sandbox.reset());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { ...CLIENT_HEADERS, ...headers }, payload: payload as object });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('POST /api/v1/auth/token', () => {
  it('exchanges a code for an access token and a sealed refresh token', async () => {
    const grant = SessionGrantSchema.parse(await ctx.signIn('ava'));
    expect(grant.openId).toBe('sb-open-ava');
    expect(grant.scopes.sort()).toEqual(['user.info.basic', 'video.publish', 'video.upload']);
    expect(grant.accessToken).toMatch(/^act\./);
    expect(grant.expiresIn).toBe(7200);
    // The browser never receives a usable refresh token.
    expect(grant.sealedRefresh).toMatch(/^v1\./);
    expect(grant.sealedRefresh).not.toContain('rft.');
    expect(ctx.sandbox.stats().tokenExchanges).toBeGreaterThanOrEqual(1);
  });

  it('reports the scopes the creator actually granted', async () => {
    const grant = await ctx.signIn('pia', ['video.publish']);
    expect(grant.scopes.sort()).toEqual(['user.info.basic', 'video.upload']);
  });

  it('refuses a code used twice (TikTok answers invalid_grant with HTTP 200)', async () => {
    const { code } = await obtainAuthorizationCode(ctx.sandbox, { redirectUri: REDIRECT_URI });
    expect((await post('/api/v1/auth/token', { code })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/token', { code });
    expect(again.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(again.json()).error).toMatchObject({ code: 'OAUTH_CODE_INVALID', retryable: false });
    expect(again.body).not.toContain(code);
  });

  it('refuses a made-up code and malformed bodies', async () => {
    expect((await post('/api/v1/auth/token', { code: 'nope' })).json().error.code).toBe('OAUTH_CODE_INVALID');
    for (const body of [{}, { code: '' }, { code: 1 }, { code: 'x', redirect_uri: 'https://evil' }]) {
      const res = await post('/api/v1/auth/token', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('maps a wrong client secret to a misconfiguration error, without leaking it', async () => {
    const wrongSecret = 'wrong-secret-canary-00000000000';
    const misconfigured = await startSandboxApp({}, { TIKTOK_CLIENT_SECRET: wrongSecret });
    try {
      const { code } = await obtainAuthorizationCode(misconfigured.sandbox, { redirectUri: REDIRECT_URI });
      const res = await misconfigured.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        headers: CLIENT_HEADERS,
        payload: { code },
      });
      expect(res.statusCode).toBe(502);
      expect(res.json().error).toMatchObject({ code: 'OAUTH_CLIENT_MISCONFIGURED', retryable: false });
      expect(res.body).not.toContain(wrongSecret);
      expect(misconfigured.logLines.join('\n')).not.toContain(wrongSecret);
    } finally {
      await misconfigured.close();
    }
  });
});

describe('POST /api/v1/auth/refresh', () => {
  it('rotates: the new grant works and the old refresh token is dead at TikTok', async () => {
    const first = await ctx.signIn('ava');
    const refreshed = await post('/api/v1/auth/refresh', { sealedRefresh: first.sealedRefresh });
    expect(refreshed.statusCode).toBe(200);
    const second = SessionGrantSchema.parse(refreshed.json());
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.sealedRefresh).not.toBe(first.sealedRefresh);

    const reuse = await post('/api/v1/auth/refresh', { sealedRefresh: first.sealedRefresh });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('OAUTH_REFRESH_INVALID');

    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(second.accessToken) });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a tampered or foreign sealed refresh token without calling TikTok', async () => {
    const { sealedRefresh } = await ctx.signIn('ava');
    const refreshesBefore = ctx.sandbox.stats().refreshes;
    const tampered = sealedRefresh.slice(0, -4) + (sealedRefresh.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const value of [tampered, 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'rft.plain-refresh-token']) {
      const res = await post('/api/v1/auth/refresh', { sealedRefresh: value });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('OAUTH_REFRESH_INVALID');
    }
    expect(ctx.sandbox.stats().refreshes).toBe(refreshesBefore);
  });
});

describe('POST /api/v1/auth/revoke', () => {
  it('revokes at TikTok: the token stops working', async () => {
    const grant = await ctx.signIn('ava');
    const res = await post('/api/v1/auth/revoke', {}, bearer(grant.accessToken));
    expect(res.json()).toEqual({ revoked: true });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(grant.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('TIKTOK_TOKEN_INVALID');
    const refresh = await post('/api/v1/auth/refresh', { sealedRefresh: grant.sealedRefresh });
    expect(refresh.json().error.code).toBe('OAUTH_REFRESH_INVALID');
  });

  it('needs a bearer token', async () => {
    const res = await post('/api/v1/auth/revoke', {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /api/v1/me', () => {
  it('returns only the user.info.basic profile', async () => {
    const grant = await ctx.signIn('pia');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(grant.accessToken) });
    expect(res.json()).toEqual({
      openId: 'sb-open-pia',
      unionId: 'sb-union-pia',
      displayName: 'Pia Private',
      avatarUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__sandbox\/avatars\/sb-open-pia\.svg/),
    });
  });

  it.each(['', 'Bearer', 'Basic abc', 'Bearer two words', `Bearer ${'x'.repeat(3000)}`])(
    'answers 401 UNAUTHENTICATED for authorization %j',
    async (authorization) => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    },
  );
});

describe('no token or code in clear', () => {
  it('keeps access tokens, refresh tokens, codes and the secret out of every log line and error', async () => {
    const { code } = await obtainAuthorizationCode(ctx.sandbox, { redirectUri: REDIRECT_URI });
    await post('/api/v1/auth/token', { code });
    await post('/api/v1/auth/token', { code }); // reused: error path
    const grant = await ctx.signIn('ava');
    await post('/api/v1/auth/refresh', { sealedRefresh: grant.sealedRefresh });
    await post('/api/v1/auth/refresh', { sealedRefresh: grant.sealedRefresh }); // rotated: error path
    await post('/api/v1/auth/revoke', {}, bearer(grant.accessToken));
    await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(grant.accessToken) }); // revoked

    const log = ctx.logLines.join('\n');
    for (const secret of [code, grant.accessToken, ctx.sandbox.clientSecret]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/rft\.[\w-]+/);
    const errorResponses = ctx.responses.filter((body) => body.includes('"error"')).join('\n');
    expect(errorResponses).not.toContain(code);
    expect(errorResponses).not.toMatch(/act\.|rft\./);
    expect(ctx.responses.join('\n')).not.toMatch(/rft\.[\w-]+/);
  });
});
