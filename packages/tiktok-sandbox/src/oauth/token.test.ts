import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  REDIRECT_URI,
  TestClock,
  api,
  authorizeUrl,
  consent,
  formSubmission,
  postForm,
  signIn,
  tokenRequest,
} from '../../test/harness';
import { type RunningSandbox, startSandbox } from '../index';

const clock = new TestClock();
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

interface FlatError {
  error: string;
  error_description: string;
  log_id: string;
}

async function exchange(
  code: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await tokenRequest(sb, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, ...extra });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function freshCode(extra: Record<string, string> = {}): Promise<string> {
  return (await consent(sb, { extra })).get('code') ?? '';
}

async function refresh(rt: string): Promise<Record<string, unknown>> {
  return (await (await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: rt })).json()) as Record<
    string,
    unknown
  >;
}

async function revoke(
  token: string,
  secret = sb.clientSecret,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams({ client_key: sb.clientKey, client_secret: secret, token });
  const res = await postForm(`${sb.url}/v2/oauth/revoke/`, form);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /v2/oauth/token/ authorization_code', () => {
  it('returns the flat success shape of TikTok’s Manage User Access Tokens page', async () => {
    const { status, body } = await exchange(await freshCode());
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual([
      'access_token',
      'expires_in',
      'open_id',
      'refresh_expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(body.access_token).toMatch(/^act\./);
    expect(body.refresh_token).toMatch(/^rft\./);
    expect(body.expires_in).toBe(7200);
    expect(body.refresh_expires_in).toBe(15_552_000);
    expect(body.open_id).toBe('sb-open-ava');
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toBe('user.info.basic,user.info.profile,user.info.stats,video.publish,video.upload');
    expect(body).not.toHaveProperty('data');
  });

  it('uses the configured token lifetimes', async () => {
    sb.setOptions({ accessTokenTtlSec: 86_400, refreshTokenTtlSec: 31_536_000 });
    const { body } = await exchange(await freshCode());
    expect(body.expires_in).toBe(86_400);
    expect(body.refresh_expires_in).toBe(31_536_000);
  });

  it('accepts a code only once', async () => {
    const code = await freshCode();
    expect((await exchange(code)).body.access_token).toBeDefined();
    const again = await exchange(code);
    expect(again.status).toBe(200);
    expect((again.body as unknown as FlatError).error).toBe('invalid_grant');
    expect(sb.stats().tokenExchanges).toBe(1);
  });

  it('rejects a code after its TTL, using the injected clock', async () => {
    const code = await freshCode();
    clock.advance(300_000);
    const r = await exchange(code);
    expect(r.body.error).toBe('invalid_grant');
    expect(r.body.error_description).toMatch(/expired/i);
  });

  it('accepts a code just before its TTL', async () => {
    const code = await freshCode();
    clock.advance(299_000);
    expect((await exchange(code)).body.access_token).toBeDefined();
  });

  it('rejects a redirect_uri that differs from the authorize request', async () => {
    const code = await freshCode();
    const r = await exchange(code, { redirect_uri: 'http://127.0.0.1:5173/auth/callback' });
    expect(r.body.error).toBe('invalid_grant');
    expect(r.body.error_description).toMatch(/Redirect_uri/);
    const missing = await tokenRequest(sb, { grant_type: 'authorization_code', code });
    expect(((await missing.json()) as FlatError).error).toBe('invalid_grant');
  });

  it('rejects a code taken from the callback URL without decoding it (codes contain ! and *)', async () => {
    const page = await fetch(authorizeUrl(sb));
    const res = await postForm(sb.authorizeUrl, formSubmission(await page.text(), 'authorize'));
    const location = res.headers.get('location') ?? '';
    const rawCode = /[?&]code=([^&]*)/.exec(location)?.[1] ?? '';
    expect(rawCode).toContain('%21');
    expect((await exchange(rawCode)).body.error).toBe('invalid_grant');
    expect((await exchange(decodeURIComponent(rawCode))).body.access_token).toBeDefined();
  });

  it('rejects unknown codes and missing codes', async () => {
    expect((await exchange('nonsense')).body.error).toBe('invalid_grant');
    expect((await exchange('')).body.error).toBe('invalid_request');
  });

  it('answers invalid_client for a wrong secret or key, with log_id', async () => {
    const code = await freshCode();
    for (const fields of [{ client_secret: 'wrong' }, { client_key: 'sbother' }, { client_secret: '' }]) {
      const form = new URLSearchParams({
        client_key: sb.clientKey,
        client_secret: sb.clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        ...fields,
      });
      const body = (await (await postForm(`${sb.url}/v2/oauth/token/`, form)).json()) as FlatError;
      expect(body.error).toBe('invalid_client');
      expect(body.log_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
    }
    // The code survived the failed attempts.
    expect((await exchange(code)).body.access_token).toBeDefined();
  });

  it('accepts form encoding only', async () => {
    const code = await freshCode();
    const res = await fetch(`${sb.url}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_key: sb.clientKey,
        client_secret: sb.clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
      }),
    });
    expect(((await res.json()) as FlatError).error).toBe('invalid_request');
  });

  it('answers unsupported_grant_type for an unknown grant', async () => {
    const res = await tokenRequest(sb, { grant_type: 'password' });
    expect(((await res.json()) as FlatError).error).toBe('unsupported_grant_type');
  });

  it('sends flat errors with HTTP 200 by default and 400 when configured', async () => {
    expect((await tokenRequest(sb, { grant_type: 'password' })).status).toBe(200);
    sb.setOptions({ oauthErrorStatus: 400 });
    const res = await tokenRequest(sb, { grant_type: 'password' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as FlatError).error).toBe('unsupported_grant_type');
  });

  it('issues client tokens for client_credentials', async () => {
    const body = (await (await tokenRequest(sb, { grant_type: 'client_credentials' })).json()) as Record<
      string,
      unknown
    >;
    expect(body.access_token).toMatch(/^clt\./);
    expect(body.token_type).toBe('Bearer');
  });
});

describe('hex PKCE (TikTok’s Login Kit for Desktop)', () => {
  const verifier = 'a'.repeat(20) + '-._~' + 'B9'.repeat(10);
  const challenge = createHash('sha256').update(verifier).digest('hex');

  it('requires the matching code_verifier when a challenge was sent', async () => {
    const code = await freshCode({ code_challenge: challenge, code_challenge_method: 'S256' });
    expect((await exchange(code)).body.error).toBe('invalid_request');
    expect((await exchange(code, { code_verifier: 'x'.repeat(43) })).body.error_description).toBe(
      'Code verifier or code challenge is invalid.',
    );
    expect((await exchange(code, { code_verifier: verifier })).body.access_token).toBeDefined();
  });

  it('rejects a base64url challenge (RFC 7636 style)', async () => {
    const b64 = createHash('sha256').update(verifier).digest('base64url');
    const code = await freshCode({ code_challenge: b64, code_challenge_method: 'S256' });
    expect((await exchange(code, { code_verifier: verifier })).body.error).toBe('invalid_request');
  });

  it('ignores a code_verifier when no challenge was sent (web clients)', async () => {
    const code = await freshCode();
    expect((await exchange(code, { code_verifier: verifier })).body.access_token).toBeDefined();
  });
});

describe('refresh_token grant', () => {
  it('rotates: returns a new pair and the old refresh token dies', async () => {
    const first = await signIn(sb);
    const second = await refresh(first.refresh_token);
    expect(second.access_token).toMatch(/^act\./);
    expect(second.refresh_token).toMatch(/^rft\./);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(first.scope);
    expect(second.open_id).toBe(first.open_id);
    expect((await refresh(first.refresh_token)).error).toBe('invalid_grant');
    expect((await refresh(String(second.refresh_token))).access_token).toBeDefined();
    expect(sb.stats().refreshes).toBe(2);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const t = await signIn(sb);
    const results = await Promise.all([refresh(t.refresh_token), refresh(t.refresh_token)]);
    expect(results.filter((r) => r.access_token).length).toBe(1);
    expect(results.filter((r) => r.error === 'invalid_grant').length).toBe(1);
  });

  it('keeps the rotated refresh token’s remaining lifetime, so the chain ends 180 days after sign-in', async () => {
    const t = await signIn(sb);
    expect(t.expires_in).toBe(7200);
    clock.advance(7200 * 1000);
    const second = await refresh(t.refresh_token);
    expect(second.expires_in).toBe(7200);
    expect(second.refresh_expires_in).toBe(15_552_000 - 7200);
    clock.advance((15_552_000 - 7200 - 1) * 1000);
    const third = await refresh(String(second.refresh_token));
    expect(third.refresh_expires_in).toBe(1);
    clock.advance(1000);
    expect((await refresh(String(third.refresh_token))).error).toBe('invalid_grant');
  });

  it('rejects an expired refresh token', async () => {
    const t = await signIn(sb);
    clock.advance(15_552_000 * 1000);
    expect((await refresh(t.refresh_token)).error).toBe('invalid_grant');
  });

  it('makes the new access token usable and keeps the old one valid until it expires', async () => {
    const t = await signIn(sb);
    const next = await refresh(t.refresh_token);
    const fields = '?fields=open_id';
    expect((await api(sb, String(next.access_token), `/v2/user/info/${fields}`)).status).toBe(200);
    expect((await api(sb, t.access_token, `/v2/user/info/${fields}`)).status).toBe(200);
  });

  it('rejects missing and unknown refresh tokens', async () => {
    expect((await refresh('')).error).toBe('invalid_request');
    expect((await refresh('rft.unknown')).error).toBe('invalid_grant');
  });
});

describe('POST /v2/oauth/revoke/', () => {
  it('kills the access token and its refresh token', async () => {
    const t = await signIn(sb);
    const r = await revoke(t.access_token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    const info = await api(sb, t.access_token, '/v2/user/info/?fields=open_id');
    expect(info.status).toBe(401);
    expect(info.body.error.code).toBe('access_token_invalid');
    const refreshed = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(((await refreshed.json()) as FlatError).error).toBe('invalid_grant');
    expect(sb.stats().revokes).toBe(1);
  });

  it('also kills the refresh token issued by a later refresh of the same authorization', async () => {
    const t = await signIn(sb);
    const next = (await (
      await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: t.refresh_token })
    ).json()) as Record<string, string>;
    await revoke(t.access_token);
    const again = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: next.refresh_token ?? '' });
    expect(((await again.json()) as FlatError).error).toBe('invalid_grant');
  });

  it('leaves other authorizations of the same user alone', async () => {
    const a = await signIn(sb);
    const b = await signIn(sb);
    await revoke(a.access_token);
    expect((await api(sb, b.access_token, '/v2/user/info/?fields=open_id')).status).toBe(200);
  });

  it('checks the client and form encoding', async () => {
    const t = await signIn(sb);
    expect((await revoke(t.access_token, 'wrong')).body.error).toBe('invalid_client');
    const json = await fetch(`${sb.url}/v2/oauth/revoke/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_key: sb.clientKey, client_secret: sb.clientSecret, token: t.access_token }),
    });
    expect(((await json.json()) as FlatError).error).toBe('invalid_request');
    expect((await api(sb, t.access_token, '/v2/user/info/?fields=open_id')).status).toBe(200);
  });

  it('answers {} for an unknown token', async () => {
    expect((await revoke('act.unknown')).body).toEqual({});
    expect(sb.stats().revokes).toBe(0);
  });
});
