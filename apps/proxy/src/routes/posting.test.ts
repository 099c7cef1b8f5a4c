import { CreatorInfoSchema, PublishStatusSchema, type PostSettings } from '@content-studio/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxApp } from '../../test/sandbox-app';
import { oneShotFields, uploadOneShot } from '../../test/upload-client';
import { TINY_MP4, videoSource } from '../../test/video-source';

let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
let base: string;
beforeAll(async () => {
  ctx = await startSandboxApp({ audited: true, processingDelayMs: 20, moderationDelayMs: 20 });
  base = await ctx.listen();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.sandbox.reset());

const get = (url: string, token: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('GET /api/v1/creator-info', () => {
  it('gives a public creator their own privacy options and interaction settings', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const res = await get('/api/v1/creator-info', accessToken);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(CreatorInfoSchema.parse(res.json())).toMatchObject({
      nickname: 'Ava Public',
      privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: false,
      maxVideoPostDurationSec: 600,
    });
  });

  it('reflects a private creator and a creator with comments off', async () => {
    const pia = await get('/api/v1/creator-info', (await ctx.signIn('pia')).accessToken);
    expect(pia.json()).toMatchObject({
      privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      duetDisabled: true,
      stitchDisabled: true,
    });
    const nico = await get('/api/v1/creator-info', (await ctx.signIn('nico')).accessToken);
    expect(nico.json()).toMatchObject({ commentDisabled: true, maxVideoPostDurationSec: 60 });
  });

  it.each([
    ['cap', /daily/i],
    ['ben', /does not currently allow this account to post/i],
  ])('stops %s, whom TikTok refuses with HTTP 200, with CREATOR_CANNOT_POST', async (account, message) => {
    const res = await get('/api/v1/creator-info', (await ctx.signIn(account)).accessToken);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CREATOR_CANNOT_POST');
    expect(res.json().error.message).toMatch(message);
    expect(res.json().error.tiktokLogId).toBeTruthy();
  });
});

// docs/requirements/product-promises.md#settings-as-chosen
describe('post settings reach TikTok exactly as chosen', () => {
  it('maps every choice into post_info', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const post: PostSettings = {
      title: 'Launch day 🚀 #studio @friend',
      privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
      allowComment: true,
      allowDuet: false,
      allowStitch: true,
      brandOrganic: true,
      brandedContent: true,
      isAigc: true,
      coverTimestampMs: 1500,
    };
    const res = await uploadOneShot(
      base,
      accessToken,
      oneShotFields('direct', TINY_MP4.length, post),
      videoSource(TINY_MP4.length).all(),
    );
    expect(res.status).toBe(201);
    expect(ctx.sandbox.upload(res.body.publishId ?? '')?.postInfo).toEqual({
      title: post.title,
      privacy_level: 'MUTUAL_FOLLOW_FRIENDS',
      disable_comment: false,
      disable_duet: true,
      disable_stitch: false,
      brand_organic_toggle: true,
      brand_content_toggle: true,
      is_aigc: true,
      video_cover_timestamp_ms: 1500,
    });
  });
});

describe('GET /api/v1/posts/:publishId/status', () => {
  it('follows a public direct post to PUBLISH_COMPLETE with its 19-digit id intact', async () => {
    const { accessToken } = await ctx.signIn('ava');
    const res = await uploadOneShot(
      base,
      accessToken,
      oneShotFields('direct', TINY_MP4.length),
      videoSource(TINY_MP4.length).all(),
    );
    const publishId = res.body.publishId ?? '';
    await expect
      .poll(
        async () =>
          PublishStatusSchema.parse(
            (await get(`/api/v1/posts/${encodeURIComponent(publishId)}/status`, accessToken)).json(),
          ).postIds.length,
        { timeout: 5_000 },
      )
      .toBe(1);
    const status = PublishStatusSchema.parse(
      (await get(`/api/v1/posts/${encodeURIComponent(publishId)}/status`, accessToken)).json(),
    );
    expect(status.status).toBe('PUBLISH_COMPLETE');
    expect(status.postIds[0]).toMatch(/^\d{19}$/);
    expect(Number(status.postIds[0]).toString()).not.toBe(status.postIds[0]); // would have been rounded
  });

  it('follows a draft to the inbox, then to complete when the creator finishes in the app', async () => {
    const { accessToken } = await ctx.signIn('pia');
    const res = await uploadOneShot(
      base,
      accessToken,
      oneShotFields('draft', TINY_MP4.length),
      videoSource(TINY_MP4.length).all(),
    );
    const publishId = res.body.publishId ?? '';
    const url = `/api/v1/posts/${encodeURIComponent(publishId)}/status`;
    await expect
      .poll(async () => (await get(url, accessToken)).json().status, { timeout: 5_000 })
      .toBe('SEND_TO_USER_INBOX');
    ctx.sandbox.finishDraft(publishId);
    expect((await get(url, accessToken)).json().status).toBe('PUBLISH_COMPLETE');
  });

  it("answers PUBLISH_NOT_FOUND for unknown ids and other creators' posts, 400 for malformed ids", async () => {
    const ava = await ctx.signIn('ava');
    const res = await uploadOneShot(
      base,
      ava.accessToken,
      oneShotFields('draft', TINY_MP4.length),
      videoSource(TINY_MP4.length).all(),
    );
    const pia = await ctx.signIn('pia');
    expect(
      (await get(`/api/v1/posts/${encodeURIComponent(res.body.publishId ?? '')}/status`, pia.accessToken)).json().error
        .code,
    ).toBe('PUBLISH_NOT_FOUND');
    expect((await get('/api/v1/posts/v_pub_file~v2-1.000/status', ava.accessToken)).statusCode).toBe(404);
    expect((await get(`/api/v1/posts/${'x'.repeat(80)}/status`, ava.accessToken)).statusCode).toBe(400);
  });
});
