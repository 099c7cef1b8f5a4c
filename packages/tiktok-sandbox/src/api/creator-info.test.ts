import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock, api, signIn } from '../../test/harness';
import { type RunningSandbox, startSandbox } from '../index';

const clock = new TestClock();
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const PATH = '/v2/post/publish/creator_info/query/';

async function creatorInfo(account: string) {
  const t = await signIn(sb, { account });
  return api(sb, t.access_token, PATH, undefined, { method: 'POST' });
}

describe('POST /v2/post/publish/creator_info/query/', () => {
  it('describes a public account (ava)', async () => {
    const r = await creatorInfo('ava');
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('ok');
    expect(r.body.data).toEqual({
      creator_avatar_url: expect.stringMatching(
        new RegExp(`^${sb.url}/__sandbox/avatars/sb-open-ava\\.svg\\?x-expires=\\d+&x-signature=[0-9a-f]{32}$`),
      ),
      creator_username: 'ava.creates',
      creator_nickname: 'Ava Public',
      privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      comment_disabled: false,
      duet_disabled: false,
      stitch_disabled: false,
      max_video_post_duration_sec: 600,
    });
  });

  it('describes a private account (pia): follower options, duet and stitch disabled', async () => {
    const r = await creatorInfo('pia');
    expect(r.body.data).toMatchObject({
      creator_nickname: 'Pia Private',
      privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      duet_disabled: true,
      stitch_disabled: true,
      max_video_post_duration_sec: 300,
    });
  });

  it('reports comments disabled for nico', async () => {
    const r = await creatorInfo('nico');
    expect(r.body.data).toMatchObject({
      creator_nickname: 'Nico NoComments',
      comment_disabled: true,
      max_video_post_duration_sec: 60,
    });
  });

  it('answers spam_risk_too_many_posts with HTTP 200 for cap', async () => {
    const r = await creatorInfo('cap');
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('spam_risk_too_many_posts');
    expect(r.body.data).toEqual({});
  });

  it('answers spam_risk_user_banned_from_posting with HTTP 200 for ben', async () => {
    const r = await creatorInfo('ben');
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('spam_risk_user_banned_from_posting');
  });

  it('follows the daily cap setting', async () => {
    sb.setOptions({ postsPerDayCap: 16 });
    expect((await creatorInfo('cap')).body.error.code).toBe('ok');
  });

  it('needs video.publish: 401 scope_not_authorized otherwise', async () => {
    const t = await signIn(sb, { untick: ['video.publish'] });
    const r = await api(sb, t.access_token, PATH, undefined, { method: 'POST' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('scope_not_authorized');
  });

  it('accepts no body, an empty body and a JSON body, but not a non-JSON body', async () => {
    const t = await signIn(sb);
    expect(
      (await api(sb, t.access_token, PATH, undefined, { method: 'POST', contentType: null })).body.error.code,
    ).toBe('ok');
    expect((await api(sb, t.access_token, PATH, {})).body.error.code).toBe('ok');
    const form = await api(sb, t.access_token, PATH, undefined, {
      rawBody: 'a=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect(form.body.error.code).toBe('invalid_params');
    const broken = await api(sb, t.access_token, PATH, undefined, { rawBody: '{nope' });
    expect(broken.body.error.code).toBe('invalid_params');
  });

  it('allows 20 requests per token per sliding minute', async () => {
    const t = await signIn(sb);
    for (let i = 0; i < 20; i++) {
      expect((await api(sb, t.access_token, PATH, {})).status).toBe(200);
      clock.advance(1000);
    }
    const limited = await api(sb, t.access_token, PATH, {});
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    clock.advance(40_001); // the first request (t=0) is now older than a minute
    expect((await api(sb, t.access_token, PATH, {})).status).toBe(200);
    expect((await api(sb, t.access_token, PATH, {})).status).toBe(429);
  });

  it('checks the token before the limit: an invalid token is 401 even when throttled', async () => {
    const r = await api(sb, 'act.bad', PATH, {});
    expect(r.status).toBe(401);
  });
});
