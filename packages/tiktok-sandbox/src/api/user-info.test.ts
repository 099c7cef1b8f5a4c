import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock, api, signIn, tokenRequest } from '../../test/harness';
import { type RunningSandbox, startSandbox } from '../index';

const clock = new TestClock();
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

type User = { user: Record<string, unknown> };

describe('GET /v2/user/info/', () => {
  it('returns exactly the requested fields in the v2 envelope', async () => {
    const t = await signIn(sb);
    const r = await api<User>(sb, t.access_token, '/v2/user/info/?fields=open_id,union_id,display_name,avatar_url');
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('ok');
    expect(r.body.error.message).toBe('');
    expect(r.body.error.log_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(r.body.data.user).toEqual({
      open_id: 'sb-open-ava',
      union_id: 'sb-union-ava',
      display_name: 'Ava Public',
      avatar_url: expect.stringMatching(
        new RegExp(`^${sb.url}/__sandbox/avatars/sb-open-ava\\.svg\\?x-expires=\\d+&x-signature=[0-9a-f]{32}$`),
      ),
    });
  });

  it('hands out signed avatar links that load for two hours, then fail as TikTok’s CDN links do', async () => {
    const t = await signIn(sb);
    const r = await api<User>(sb, t.access_token, '/v2/user/info/?fields=avatar_url');
    const url = String(r.body.data.user.avatar_url);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await fetch(url.replace(/x-signature=\w+/, 'x-signature=' + '0'.repeat(32)))).status).toBe(403);
    expect((await fetch(url.split('?')[0] ?? '')).status).toBe(403);
    clock.advance(7200 * 1000);
    expect((await fetch(url)).status).toBe(403);
  });

  it('serves every avatar from the sandbox itself, never an external host', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const r = await api<User>(
      sb,
      t.access_token,
      '/v2/user/info/?fields=avatar_url,avatar_url_100,avatar_large_url,profile_deep_link',
    );
    for (const value of Object.values(r.body.data.user)) {
      expect(String(value).startsWith(`${sb.url}/`)).toBe(true);
    }
    const svg = await fetch(String(r.body.data.user.avatar_url_100));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toContain('<svg');
    expect(text).toContain('>PP<');
    expect(text).toContain('width="100"');
  });

  it('returns profile and stats fields when their scopes were granted', async () => {
    const t = await signIn(sb);
    const r = await api<User>(
      sb,
      t.access_token,
      '/v2/user/info/?fields=username,is_verified,follower_count,video_count',
    );
    expect(r.body.data.user).toEqual({
      username: 'ava.creates',
      is_verified: true,
      follower_count: 15230,
      video_count: 87,
    });
  });

  it('answers scope_permission_missed for fields whose scope was not granted', async () => {
    const t = await signIn(sb, { untick: ['user.info.profile', 'user.info.stats'] });
    const profile = await api(sb, t.access_token, '/v2/user/info/?fields=open_id,username');
    expect(profile.status).toBe(400);
    expect(profile.body.error.code).toBe('scope_permission_missed');
    expect(profile.body.error.message).toContain('user.info.profile');
    const stats = await api(sb, t.access_token, '/v2/user/info/?fields=follower_count');
    expect(stats.body.error.code).toBe('scope_permission_missed');
    const basic = await api(sb, t.access_token, '/v2/user/info/?fields=open_id');
    expect(basic.status).toBe(200);
  });

  it('answers invalid_params for an unknown field', async () => {
    const t = await signIn(sb);
    const r = await api(sb, t.access_token, '/v2/user/info/?fields=open_id,email');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_params');
    expect(r.body.error.message).toContain('email');
  });

  it('requires fields', async () => {
    const t = await signIn(sb);
    for (const path of ['/v2/user/info/', '/v2/user/info/?fields=']) {
      const r = await api(sb, t.access_token, path);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_params');
    }
  });

  it('only answers GET and only on the documented path', async () => {
    const t = await signIn(sb);
    const post = await api(sb, t.access_token, '/v2/user/info/?fields=open_id', {});
    expect(post.status).toBe(405);
    const noSlash = await api(sb, t.access_token, '/v2/user/info?fields=open_id');
    expect(noSlash.status).toBe(404);
  });
});

describe('bearer guard', () => {
  it('answers 401 access_token_invalid without a token, with a malformed header or an unknown token', async () => {
    for (const token of [undefined, '', 'act.unknown']) {
      const r = await api(sb, token, '/v2/user/info/?fields=open_id');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('access_token_invalid');
      expect(r.body.error.log_id).toBeTruthy();
    }
    const t = await signIn(sb);
    const basic = await fetch(`${sb.url}/v2/user/info/?fields=open_id`, {
      headers: { authorization: `Basic ${t.access_token}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 401 once the access token expired (injected clock)', async () => {
    const t = await signIn(sb);
    clock.advance(7_199_000);
    expect((await api(sb, t.access_token, '/v2/user/info/?fields=open_id')).status).toBe(200);
    clock.advance(1000);
    const r = await api(sb, t.access_token, '/v2/user/info/?fields=open_id');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('access_token_invalid');
  });

  it('does not accept a refresh token or a client token as a bearer', async () => {
    const t = await signIn(sb);
    expect((await api(sb, t.refresh_token, '/v2/user/info/?fields=open_id')).status).toBe(401);
    const client = (await (await tokenRequest(sb, { grant_type: 'client_credentials' })).json()) as {
      access_token: string;
    };
    expect(client.access_token).toMatch(/^clt\./);
    expect((await api(sb, client.access_token, '/v2/user/info/?fields=open_id')).status).toBe(401);
  });
});

describe('rate limit (600 per sliding minute, per token)', () => {
  it('answers 429 rate_limit_exceeded on the 601st request and recovers as the window slides', async () => {
    const t = await signIn(sb);
    const other = await signIn(sb, { account: 'pia' });
    const path = '/v2/user/info/?fields=open_id';
    for (let i = 0; i < 300; i++) await api(sb, t.access_token, path);
    clock.advance(30_000);
    for (let i = 0; i < 300; i++) await api(sb, t.access_token, path);
    const limited = await api(sb, t.access_token, path);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    // Another token has its own budget.
    expect((await api(sb, other.access_token, path)).status).toBe(200);
    // 30 s later the first 300 left the window (a fixed window would still block or fully reset).
    clock.advance(30_001);
    for (let i = 0; i < 300; i++) expect((await api(sb, t.access_token, path)).status).toBe(200);
    expect((await api(sb, t.access_token, path)).status).toBe(429);
  });
});
