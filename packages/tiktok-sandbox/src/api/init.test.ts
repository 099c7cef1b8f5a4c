import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCorpusFile } from '@content-studio/media-corpus';
import { MIB, TestClock, api, directBody, putVideo, signIn, waitFor } from '../../test/harness';
import { DEFAULT_ACCOUNTS, type RunningSandbox, type SandboxAccount, startSandbox } from '../index';

const clock = new TestClock();
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const DIRECT = '/v2/post/publish/video/init/';
const INBOX = '/v2/post/publish/inbox/video/init/';
const GUIDELINES =
  'Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/';

type InitData = { publish_id: string; upload_url?: string };

async function direct(account: string, body: unknown) {
  const t = await signIn(sb, { account });
  return api<InitData>(sb, t.access_token, DIRECT, body);
}

async function inbox(account: string, body: unknown) {
  const t = await signIn(sb, { account });
  return api<InitData>(sb, t.access_token, INBOX, body);
}

/** The two things that identify a TikTok answer: HTTP status and error.code. */
function outcome(r: { status: number; body: { error: { code: string } } }): { status: number; code: string } {
  return { status: r.status, code: r.body.error.code };
}

describe('video/init success', () => {
  it('creates a FILE_UPLOAD task with TikTok-shaped publish_id and an upload_url on the sandbox', async () => {
    const body = directBody({ post_info: { is_aigc: true, video_cover_timestamp_ms: 1000 } });
    const r = await direct('pia', body);
    expect(r.status).toBe(200);
    expect(r.body.error.code).toBe('ok');
    expect(r.body.data.publish_id).toMatch(/^v_pub_file~v2-1\.\d{19}$/);
    expect(r.body.data.upload_url).toMatch(
      new RegExp(`^${sb.url.replace(/\./g, '\\.')}/upload/video/\\?upload_id=\\d+&upload_token=[0-9a-f]{32,}$`),
    );
    expect((r.body.data.upload_url ?? '').length).toBeLessThanOrEqual(256);
    const report = sb.upload(r.body.data.publish_id);
    expect(report).toMatchObject({ status: 'PROCESSING_UPLOAD', mode: 'direct', videoSize: 1000, receivedBytes: 0 });
    expect(report?.postInfo).toEqual(body.post_info);
    expect(report?.sourceInfo).toEqual(body.source_info);
    expect(sb.stats().inits).toEqual({ direct: 1, inbox: 0 });
  });

  it('lets an audited app post publicly for a public account', async () => {
    sb.setOptions({ audited: true });
    const r = await direct('ava', directBody({ post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' } }));
    expect(r.body.error.code).toBe('ok');
    expect(sb.upload(r.body.data.publish_id)?.effectivePrivacyLevel).toBe('PUBLIC_TO_EVERYONE');
  });
});

describe('video/init guards and body', () => {
  it('needs video.publish', async () => {
    const t = await signIn(sb, { account: 'pia', untick: ['video.publish'] });
    expect(outcome(await api(sb, t.access_token, DIRECT, directBody()))).toEqual({
      status: 401,
      code: 'scope_not_authorized',
    });
  });

  it('needs Content-Type application/json (charset optional)', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const raw = JSON.stringify(directBody());
    expect(
      outcome(await api(sb, t.access_token, DIRECT, undefined, { rawBody: raw, contentType: 'text/plain' })),
    ).toEqual({ status: 400, code: 'invalid_params' });
    expect(outcome(await api(sb, t.access_token, DIRECT, undefined, { rawBody: raw, contentType: null }))).toEqual({
      status: 400,
      code: 'invalid_params',
    });
    expect(
      (await api(sb, t.access_token, DIRECT, undefined, { rawBody: raw, contentType: 'application/json' })).body.error
        .code,
    ).toBe('ok');
  });

  it('rejects malformed JSON and a missing body', async () => {
    const t = await signIn(sb, { account: 'pia' });
    expect(outcome(await api(sb, t.access_token, DIRECT, undefined, { rawBody: '{"post_info":' }))).toEqual({
      status: 400,
      code: 'invalid_params',
    });
    expect(outcome(await api(sb, t.access_token, DIRECT, undefined, { rawBody: '' }))).toEqual({
      status: 400,
      code: 'invalid_params',
    });
  });

  it.each([
    ['post_info missing', { source_info: directBody().source_info }],
    ['brand_content_toggle missing', directBody({ post_info: { brand_content_toggle: undefined } })],
    ['title not a string', directBody({ post_info: { title: 42 } })],
    ['source unknown', directBody({ source_info: { source: 'UPLOAD' } })],
    ['video_size not an integer', directBody({ source_info: { video_size: 10.5, chunk_size: 10.5 } })],
    ['video_size as a string', directBody({ source_info: { video_size: '1000' } })],
    ['chunk_size missing', directBody({ source_info: { chunk_size: undefined } })],
  ])('answers 400 invalid_params for a malformed body (%s)', async (_name, body) => {
    const r = await direct('pia', JSON.parse(JSON.stringify(body)));
    expect(outcome(r)).toEqual({ status: 400, code: 'invalid_params' });
  });

  it('rejects a field in the wrong object (video_cover_timestamp_ms in source_info)', async () => {
    const r = await direct('pia', directBody({ source_info: { video_cover_timestamp_ms: 1000 } }));
    expect(outcome(r)).toEqual({ status: 400, code: 'invalid_params' });
    expect(r.body.error.message).toContain('video_cover_timestamp_ms');
  });

  it('rejects video_url on a FILE_UPLOAD and chunk fields on a PULL_FROM_URL', async () => {
    expect(outcome(await direct('pia', directBody({ source_info: { video_url: 'https://x.example/a.mp4' } })))).toEqual(
      { status: 400, code: 'invalid_params' },
    );
    expect(
      outcome(
        await direct('pia', {
          post_info: directBody().post_info,
          source_info: { source: 'PULL_FROM_URL', video_url: 'https://x.example/a.mp4', video_size: 5 },
        }),
      ),
    ).toEqual({ status: 400, code: 'invalid_params' });
  });
});

describe('video/init rules in the order the sandbox checks them', () => {
  it('2. privacy_level must be one of the options (missing too), before the unaudited rule', async () => {
    const notAnOption = await direct('ava', directBody({ post_info: { privacy_level: 'FOLLOWER_OF_CREATOR' } }));
    expect(outcome(notAnOption)).toEqual({ status: 403, code: 'privacy_level_option_mismatch' });
    const missing = await direct('pia', directBody({ post_info: { privacy_level: undefined } }));
    expect(outcome(missing)).toEqual({ status: 403, code: 'privacy_level_option_mismatch' });
    const publicOnPrivate = await direct('pia', directBody({ post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' } }));
    expect(outcome(publicOnPrivate)).toEqual({ status: 403, code: 'privacy_level_option_mismatch' });
  });

  it('3. an unaudited app cannot post to a public account, even SELF_ONLY', async () => {
    const r = await direct('ava', directBody({ post_info: { privacy_level: 'SELF_ONLY' } }));
    expect(outcome(r)).toEqual({ status: 403, code: 'unaudited_client_can_only_post_to_private_accounts' });
    expect(r.body.error.message).toBe(GUIDELINES);
  });

  it("5. answers spam_risk_too_many_posts at the cap and counts this app's posts", async () => {
    sb.setOptions({ audited: true });
    expect(outcome(await direct('cap', directBody()))).toEqual({ status: 403, code: 'spam_risk_too_many_posts' });
    sb.setOptions({ postsPerDayCap: 2 });
    const t = await signIn(sb, { account: 'pia' });
    expect((await api(sb, t.access_token, DIRECT, directBody())).body.error.code).toBe('ok');
    expect((await api(sb, t.access_token, DIRECT, directBody())).body.error.code).toBe('ok');
    expect(outcome(await api(sb, t.access_token, DIRECT, directBody()))).toEqual({
      status: 403,
      code: 'spam_risk_too_many_posts',
    });
    clock.advance(24 * 3600 * 1000);
    const later = await signIn(sb, { account: 'pia' });
    expect((await api(sb, later.access_token, DIRECT, directBody())).body.error.code).toBe('ok');
  });

  it('5. answers spam_risk_user_banned_from_posting for ben', async () => {
    expect(outcome(await direct('ben', directBody()))).toEqual({
      status: 403,
      code: 'spam_risk_user_banned_from_posting',
    });
  });

  it('6. limits the title to 2200 UTF-16 code units', async () => {
    expect((await direct('pia', directBody({ post_info: { title: 'a'.repeat(2200) } }))).body.error.code).toBe('ok');
    expect(outcome(await direct('pia', directBody({ post_info: { title: 'a'.repeat(2201) } })))).toEqual({
      status: 400,
      code: 'invalid_params',
    });
    // An emoji is two UTF-16 units: 1100 of them are exactly 2200.
    expect((await direct('pia', directBody({ post_info: { title: '🎬'.repeat(1100) } }))).body.error.code).toBe('ok');
    expect(outcome(await direct('pia', directBody({ post_info: { title: '🎬'.repeat(1100) + 'a' } })))).toEqual({
      status: 400,
      code: 'invalid_params',
    });
  });

  it('5 before 6: a capped creator with a long title hears about the cap', async () => {
    sb.setOptions({ audited: true });
    expect(outcome(await direct('cap', directBody({ post_info: { title: 'a'.repeat(3000) } })))).toEqual({
      status: 403,
      code: 'spam_risk_too_many_posts',
    });
  });

  it('6 before 8: a long title is reported before a bad chunk plan', async () => {
    const r = await direct(
      'pia',
      directBody({ post_info: { title: 'a'.repeat(2201) }, source_info: { chunk_size: 5 } }),
    );
    expect(r.body.error.message).toMatch(/title/);
  });

  it('2 before 8: a privacy mismatch is reported before a bad chunk plan', async () => {
    expect(
      outcome(
        await direct(
          'pia',
          directBody({ post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' }, source_info: { chunk_size: 5 } }),
        ),
      ),
    ).toEqual({ status: 403, code: 'privacy_level_option_mismatch' });
  });

  it("8. reports chunk plans with TikTok's exact messages", async () => {
    const cases: Array<[Record<string, number>, string]> = [
      [{ video_size: 121 * MIB, chunk_size: 64 * MIB, total_chunk_count: 1 }, 'The chunk size is invalid'],
      [{ video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 6 }, 'The total chunk count is invalid'],
      [{ video_size: 12 * MIB, chunk_size: 5 * MIB - 1, total_chunk_count: 2 }, 'The chunk size is invalid'],
      [{ video_size: 200 * MIB, chunk_size: 64 * MIB + 1, total_chunk_count: 3 }, 'The chunk size is invalid'],
      [{ video_size: 0, chunk_size: 0, total_chunk_count: 1 }, 'The video size is invalid'],
      [{ video_size: 4 * 1024 * MIB + 1, chunk_size: 64 * MIB, total_chunk_count: 64 }, 'The video size is invalid'],
    ];
    const t = await signIn(sb, { account: 'pia' });
    for (const [sourceInfo, message] of cases) {
      clock.advance(10_001); // stay inside 6 inits per minute
      const r = await api(sb, t.access_token, DIRECT, directBody({ source_info: sourceInfo }));
      expect(outcome(r)).toEqual({ status: 400, code: 'invalid_params' });
      expect(r.body.error.message).toBe(message);
    }
    clock.advance(10_001);
    const good = await api(
      sb,
      t.access_token,
      DIRECT,
      directBody({ source_info: { video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 5 } }),
    );
    expect(good.body.error.code).toBe('ok');
  });

  it('honours a lower maxVideoSizeBytes (the claimed 128 MB sandbox cap)', async () => {
    const small = await startSandbox({ maxVideoSizeBytes: 128_000_000 });
    try {
      const t = await signIn(small, { account: 'pia' });
      const r = await api(
        small,
        t.access_token,
        DIRECT,
        directBody({ source_info: { video_size: 130_000_000, chunk_size: 10 * MIB, total_chunk_count: 12 } }),
      );
      expect(r.body.error.message).toBe('The video size is invalid');
    } finally {
      await small.close();
    }
  });

  it('8 before 9: an unaudited non-SELF_ONLY post with a bad plan hears about the plan', async () => {
    const r = await direct(
      'pia',
      directBody({ post_info: { privacy_level: 'FOLLOWER_OF_CREATOR' }, source_info: { chunk_size: 5 } }),
    );
    expect(r.body.error.message).toBe('The chunk size is invalid');
  });

  it('9. rejects non-SELF_ONLY privacy from an unaudited app by default', async () => {
    const r = await direct('pia', directBody({ post_info: { privacy_level: 'MUTUAL_FOLLOW_FRIENDS' } }));
    expect(outcome(r)).toEqual({ status: 400, code: 'invalid_params' });
    expect(r.body.error.message).toMatch(/SELF_ONLY/);
    expect(sb.stats().inits.direct).toBe(0);
  });

  it('9. records the post as SELF_ONLY in force-self-only mode, keeping post_info verbatim', async () => {
    sb.setOptions({ unauditedNonSelfOnly: 'force-self-only' });
    const r = await direct('pia', directBody({ post_info: { privacy_level: 'FOLLOWER_OF_CREATOR' } }));
    expect(r.body.error.code).toBe('ok');
    const report = sb.upload(r.body.data.publish_id);
    expect(report?.effectivePrivacyLevel).toBe('SELF_ONLY');
    expect((report?.postInfo as { privacy_level?: string } | undefined)?.privacy_level).toBe('FOLLOWER_OF_CREATOR');
  });
});

function pull(url: string) {
  return { post_info: directBody().post_info, source_info: { source: 'PULL_FROM_URL', video_url: url } };
}

describe('PULL_FROM_URL ownership (step 7)', () => {
  it('rejects every URL when nothing is verified (the default)', async () => {
    expect(outcome(await direct('pia', pull('https://cdn.example.com/v.mp4')))).toEqual({
      status: 403,
      code: 'url_ownership_unverified',
    });
  });

  it('accepts a verified domain and its subdomains only, over https, never an IP', async () => {
    sb.setOptions({ verifiedDomains: ['static.example.com'] });
    const t = await signIn(sb, { account: 'pia' });
    const cases: Array<[string, string]> = [
      ['https://static.example.com/v.mp4', 'ok'],
      ['https://video.static.example.com/a/b.mp4', 'ok'],
      ['https://example.com/v.mp4', 'url_ownership_unverified'],
      ['https://evilstatic.example.com/v.mp4', 'url_ownership_unverified'],
      ['http://static.example.com/v.mp4', 'url_ownership_unverified'],
      ['https://127.0.0.1/v.mp4', 'url_ownership_unverified'],
      ['https://static.example.com.evil.net/v.mp4', 'url_ownership_unverified'],
    ];
    for (const [url, code] of cases) {
      clock.advance(10_001);
      expect([url, (await api<InitData>(sb, t.access_token, DIRECT, pull(url))).body.error.code]).toEqual([url, code]);
    }
  });

  it('accepts exactly the URLs under a verified URL prefix', async () => {
    sb.setOptions({ verifiedUrlPrefixes: ['https://example.com/videos/user/'], verifiedDomains: ['10.0.0.1'] });
    const t = await signIn(sb, { account: 'pia' });
    expect(
      (await api(sb, t.access_token, DIRECT, pull('https://example.com/videos/user/123/x.mp4'))).body.error.code,
    ).toBe('ok');
    expect(
      (await api(sb, t.access_token, DIRECT, pull('https://example.com/videos/2023/user/x.mp4'))).body.error.code,
    ).toBe('url_ownership_unverified');
    expect((await api(sb, t.access_token, DIRECT, pull('https://10.0.0.1/v.mp4'))).body.error.code).toBe(
      'url_ownership_unverified',
    );
  });

  it('gives a pull task a v_pub_url id, no upload_url and PROCESSING_DOWNLOAD', async () => {
    sb.setOptions({ verifiedDomains: ['example.com'] });
    const r = await direct('pia', pull('https://example.com/v.mp4'));
    expect(r.body.data.publish_id).toMatch(/^v_pub_url~v2\.\d{19}$/);
    expect(r.body.data).not.toHaveProperty('upload_url');
    expect(sb.upload(r.body.data.publish_id)?.status).toBe('PROCESSING_DOWNLOAD');
  });

  it('answers invalid_params for a video_url that is not a URL', async () => {
    expect(outcome(await direct('pia', pull('not a url')))).toEqual({ status: 400, code: 'invalid_params' });
  });
});

describe('unaudited active-user cap (step 4)', () => {
  const privateUsers: SandboxAccount[] = Array.from({ length: 7 }, (_, i) => ({
    ...(DEFAULT_ACCOUNTS[1] as SandboxAccount),
    openId: `sb-open-p${i}`,
    unionId: `sb-union-p${i}`,
    username: `p${i}`,
    displayName: `Private ${i}`,
  }));
  let capped: RunningSandbox;
  const capClock = new TestClock();
  beforeAll(async () => {
    capped = await startSandbox({ accounts: privateUsers, now: capClock.now });
  });
  afterAll(() => capped.close());

  it('lets 5 distinct users post per 24 h; the 6th gets reached_active_user_cap (init 403, creator_info 200)', async () => {
    const tokens = [];
    for (let i = 0; i < 6; i++) tokens.push((await signIn(capped, { account: `p${i}` })).access_token);
    for (let i = 0; i < 5; i++) expect((await api(capped, tokens[i], DIRECT, directBody())).body.error.code).toBe('ok');
    const sixth = await api(capped, tokens[5], DIRECT, directBody());
    expect(outcome(sixth)).toEqual({ status: 403, code: 'reached_active_user_cap' });
    const info = await api(capped, tokens[5], '/v2/post/publish/creator_info/query/', {});
    expect(outcome(info)).toEqual({ status: 200, code: 'reached_active_user_cap' });
    // One of the five may keep posting.
    expect((await api(capped, tokens[0], DIRECT, directBody())).body.error.code).toBe('ok');
    // An audited app has a cap of its own (from its audit application), here larger.
    capped.setOptions({ audited: true, auditedActiveUserCap: 6 });
    expect((await api(capped, tokens[5], DIRECT, directBody())).body.error.code).toBe('ok');
    capped.setOptions({ auditedActiveUserCap: 5 });
    const seventh = (await signIn(capped, { account: 'p6' })).access_token;
    expect(outcome(await api(capped, seventh, DIRECT, directBody()))).toEqual({
      status: 403,
      code: 'reached_active_user_cap',
    });
    capped.setOptions({ audited: false });
    // A day later the window has moved on.
    capClock.advance(24 * 3600 * 1000 + 1);
    const fresh = (await signIn(capped, { account: 'p4' })).access_token;
    expect((await api(capped, fresh, DIRECT, directBody())).body.error.code).toBe('ok');
  });
});

describe('inbox/video/init', () => {
  it('creates a draft task with a v_inbox_file id', async () => {
    const r = await inbox('pia', { source_info: directBody().source_info });
    expect(r.body.error.code).toBe('ok');
    expect(r.body.data.publish_id).toMatch(/^v_inbox_file~v2\.\d{19}$/);
    expect(r.body.data.upload_url).toContain('/upload/video/?upload_id=');
    expect(sb.upload(r.body.data.publish_id)).toMatchObject({ mode: 'inbox', postInfo: null });
    expect(sb.stats().inits).toEqual({ direct: 0, inbox: 1 });
  });

  it('needs video.upload, not video.publish', async () => {
    const t = await signIn(sb, { account: 'pia', untick: ['video.upload'] });
    expect(outcome(await api(sb, t.access_token, INBOX, { source_info: directBody().source_info }))).toEqual({
      status: 401,
      code: 'scope_not_authorized',
    });
  });

  it('takes only source_info', async () => {
    expect(outcome(await inbox('pia', directBody()))).toEqual({ status: 400, code: 'invalid_params' });
  });

  it('applies the ban, but neither the direct-post rules for unaudited apps nor the daily post cap', async () => {
    const body = { source_info: directBody().source_info };
    // ava's account is public: an unaudited app could not post for her, but may deliver a draft.
    expect((await inbox('ava', body)).body.error.code).toBe('ok');
    expect(outcome(await inbox('ben', body))).toEqual({ status: 403, code: 'spam_risk_user_banned_from_posting' });
    sb.setOptions({ audited: true });
    expect((await inbox('cap', body)).body.error.code).toBe('ok');
  });

  it('refuses a multi-chunk plan on demand with TikTok’s "The chunk size is invalid", creating nothing', async () => {
    sb.injectFault({ target: 'init', kind: 'chunk-size-invalid' });
    const multi = {
      source_info: { source: 'FILE_UPLOAD', video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 5 },
    };
    const refused = await inbox('pia', multi);
    expect(outcome(refused)).toEqual({ status: 400, code: 'invalid_params' });
    expect(refused.body.error.message).toBe('The chunk size is invalid');
    expect(sb.stats().inits.inbox).toBe(0);
    expect((await inbox('pia', multi)).body.error.code).toBe('ok');
  });

  it('allows at most 5 pending shares per 24 h', async () => {
    const accounts = [{ ...(DEFAULT_ACCOUNTS[1] as SandboxAccount), pendingDrafts: 3 }];
    const own = await startSandbox({ accounts, processingDelayMs: 0 });
    try {
      const t = await signIn(own, { account: 'pia' });
      const video = Buffer.from(readCorpusFile('h264-aac-faststart.mp4'));
      const body = {
        source_info: {
          source: 'FILE_UPLOAD',
          video_size: video.length,
          chunk_size: video.length,
          total_chunk_count: 1,
        },
      };
      const created: InitData[] = [];
      for (let i = 0; i < 2; i++) created.push((await api<InitData>(own, t.access_token, INBOX, body)).body.data);
      expect(outcome(await api(own, t.access_token, INBOX, body))).toEqual({
        status: 403,
        code: 'spam_risk_too_many_pending_share',
      });
      // A share the creator posted is no longer pending.
      const first = created[0]?.publish_id ?? '';
      expect((await putVideo(created[0]?.upload_url ?? '', video)).status).toBe(201);
      await waitFor(() => (own.upload(first)?.status === 'SEND_TO_USER_INBOX' ? true : undefined));
      own.finishDraft(first);
      expect((await api(own, t.access_token, INBOX, body)).body.error.code).toBe('ok');
    } finally {
      await own.close();
    }
  });
});

describe('init rate limit (6 per token per sliding minute, shared by both init endpoints)', () => {
  it('answers 429 on the 7th init of each endpoint, counting each endpoint apart and rejected inits too', async () => {
    sb.setOptions({ postsPerDayCap: 100 });
    const t = await signIn(sb, { account: 'pia' });
    const inboxBody = { source_info: directBody().source_info };
    const posts = [(await api(sb, t.access_token, DIRECT, directBody({ source_info: { chunk_size: 3 } }))).status]; // 400, still counted
    for (let i = 0; i < 5; i++) posts.push((await api(sb, t.access_token, DIRECT, directBody())).status);
    expect(posts).toEqual([400, 200, 200, 200, 200, 200]);
    expect(outcome(await api(sb, t.access_token, DIRECT, directBody()))).toEqual({
      status: 429,
      code: 'rate_limit_exceeded',
    });
    // The inbox endpoint has its own six.
    const drafts = [];
    for (let i = 0; i < 4; i++)
      drafts.push(
        (await api(sb, t.access_token, INBOX, { source_info: { ...inboxBody.source_info, chunk_size: 3 } })).status,
      );
    for (let i = 0; i < 2; i++) drafts.push((await api(sb, t.access_token, INBOX, inboxBody)).status);
    expect(drafts).toEqual([400, 400, 400, 400, 200, 200]);
    expect(outcome(await api(sb, t.access_token, INBOX, inboxBody))).toEqual({
      status: 429,
      code: 'rate_limit_exceeded',
    });
    clock.advance(60_001);
    expect((await api(sb, t.access_token, DIRECT, directBody())).status).toBe(200);
  });
});
