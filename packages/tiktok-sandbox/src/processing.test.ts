import { readCorpusFile } from '@content-studio/media-corpus';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MIB,
  TestClock,
  api,
  directBody,
  initDirect,
  initInbox,
  put,
  putVideo,
  signIn,
  waitFor,
} from '../test/harness';
import { syntheticVideo } from '../test/synthetic-video';
import { type RunningSandbox, startSandbox } from './index';

const clock = new TestClock();
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now, audited: true, processingDelayMs: 30, moderationDelayMs: 60 });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const STATUS = '/v2/post/publish/status/fetch/';
type StatusData = {
  status: string;
  fail_reason?: string;
  publicaly_available_post_id: unknown[];
  uploaded_bytes?: number;
  downloaded_bytes?: number;
};

async function status(token: string, publishId: string) {
  return api<StatusData>(sb, token, STATUS, { publish_id: publishId });
}

async function waitForStatus(token: string, publishId: string, wanted: string) {
  return waitFor(async () => {
    const r = await status(token, publishId);
    return r.body.data.status === wanted ? r : undefined;
  });
}

function fileSource(size: number, chunk = size, count = 1) {
  return { source: 'FILE_UPLOAD', video_size: size, chunk_size: chunk, total_chunk_count: count };
}

/** A real 2 s H.264/AAC MP4 that TikTok takes. */
const VIDEO = Buffer.from(readCorpusFile('h264-aac-faststart.mp4'));

async function postBytes(token: string, privacy: string, bytes: Buffer) {
  const init = await initDirect(
    sb,
    token,
    directBody({ post_info: { privacy_level: privacy }, source_info: fileSource(bytes.length) }),
  );
  const r = await put(init.uploadUrl, {
    body: bytes,
    headers: {
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
      'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
  });
  expect(r.status).toBe(201);
  return init;
}

describe('direct post processing', () => {
  it('goes PROCESSING_UPLOAD → PUBLISH_COMPLETE, then a public post gets a raw 19-digit post id', async () => {
    // Long enough that the first status call lands before processing ends, even on a loaded machine.
    sb.setOptions({ processingDelayMs: 400 });
    const t = await signIn(sb, { account: 'ava' });
    const { publishId } = await postBytes(t.access_token, 'PUBLIC_TO_EVERYONE', VIDEO);
    expect((await status(t.access_token, publishId)).body.data.status).toBe('PROCESSING_UPLOAD');
    const complete = await waitForStatus(t.access_token, publishId, 'PUBLISH_COMPLETE');
    expect(complete.body.data.publicaly_available_post_id).toEqual([]); // moderation pending is not a failure
    expect(complete.body.data.uploaded_bytes).toBe(VIDEO.length);
    const withId = await waitFor(async () => {
      const r = await status(t.access_token, publishId);
      return r.body.data.publicaly_available_post_id.length > 0 ? r : undefined;
    });
    const raw = /"publicaly_available_post_id":\[(\d+)\]/.exec(withId.text)?.[1];
    expect(raw).toMatch(/^\d{19}$/);
    // JSON.parse cannot hold it: that is the point of sending it raw.
    expect(String(withId.body.data.publicaly_available_post_id[0])).not.toBe(raw);
    expect(withId.text).not.toMatch(/"publicaly_available_post_id":\["/);
    expect(sb.upload(publishId)?.postIds).toEqual([raw]);
  });

  it('never gives a post id to a non-public post', async () => {
    const t = await signIn(sb, { account: 'ava' });
    const { publishId } = await postBytes(t.access_token, 'MUTUAL_FOLLOW_FRIENDS', VIDEO);
    await waitForStatus(t.access_token, publishId, 'PUBLISH_COMPLETE');
    await new Promise((r) => setTimeout(r, 150));
    expect((await status(t.access_token, publishId)).body.data.publicaly_available_post_id).toEqual([]);
  });

  it("fails a video longer than the creator's max_video_post_duration_sec", async () => {
    const t = await signIn(sb, { account: 'nico' }); // 60 s
    const { publishId } = await postBytes(
      t.access_token,
      'PUBLIC_TO_EVERYONE',
      Buffer.from(readCorpusFile('h264-61s.mp4')),
    );
    const failed = await waitForStatus(t.access_token, publishId, 'FAILED');
    expect(failed.body.data.fail_reason).toBe('duration_check_failed');
    expect(failed.body.data.publicaly_available_post_id).toEqual([]);
    expect(sb.upload(publishId)?.durationSec).toBe(61);
    expect(sb.upload(publishId)?.mediaNote).toMatch(/61 s is over the 60 s limit/);
  });

  it('passes a video within the limit and reports what it read', async () => {
    const t = await signIn(sb, { account: 'nico' });
    const { publishId } = await postBytes(t.access_token, 'SELF_ONLY', VIDEO);
    await waitForStatus(t.access_token, publishId, 'PUBLISH_COMPLETE');
    expect(sb.upload(publishId)).toMatchObject({
      durationSec: 2,
      media: {
        container: 'mp4',
        videoCodec: 'avc',
        audioCodec: 'aac',
        width: 360,
        height: 640,
        fps: 30,
        truncated: false,
        undecided: [],
      },
      mediaNote: null,
    });
  });

  it('reads a multi-chunk moov-at-end upload from the windows it kept, and fails it when too long', async () => {
    const t = await signIn(sb, { account: 'ava' }); // 600 s
    // 601 s, 24 fps, ~17 MB: more than the head and tail windows together, so its middle is discarded.
    const video = await syntheticVideo({ container: 'mp4', fastStart: false, seconds: 601, fps: 24, frameBytes: 1200 });
    const size = video.length;
    expect(size).toBeGreaterThan(16 * MIB);
    const init = await initDirect(sb, t.access_token, directBody({ source_info: fileSource(size, 5 * MIB, 3) }));
    for (const [start, end] of [
      [0, 5 * MIB],
      [5 * MIB, 10 * MIB],
      [10 * MIB, size],
    ] as const) {
      const r = await put(init.uploadUrl, {
        body: video.subarray(start, end),
        headers: {
          'content-type': 'video/mp4',
          'content-length': String(end - start),
          'content-range': `bytes ${start}-${end - 1}/${size}`,
        },
      });
      expect(r.status).toBe(end === size ? 201 : 206);
    }
    expect((await waitForStatus(t.access_token, init.publishId, 'FAILED')).body.data.fail_reason).toBe(
      'duration_check_failed',
    );
    expect(sb.upload(init.publishId)?.media).toMatchObject({
      durationSec: 601,
      fps: 24,
      truncated: false,
      undecided: [],
    });
  });

  it('fails bytes that are not a video with file_format_check_failed', async () => {
    const t = await signIn(sb, { account: 'nico' });
    const { publishId } = await postBytes(t.access_token, 'SELF_ONLY', Buffer.alloc(4096, 0x42));
    expect((await waitForStatus(t.access_token, publishId, 'FAILED')).body.data.fail_reason).toBe(
      'file_format_check_failed',
    );
    expect(sb.upload(publishId)).toMatchObject({
      durationSec: null,
      media: null,
      mediaNote: 'not an MP4, MOV or WebM container',
    });
  });

  it("passes anything with mediaChecks 'off' (for tests about something else)", async () => {
    sb.setOptions({ mediaChecks: 'off' });
    const t = await signIn(sb, { account: 'nico' });
    const { publishId } = await postBytes(t.access_token, 'SELF_ONLY', Buffer.alloc(4096, 0x42));
    await waitForStatus(t.access_token, publishId, 'PUBLISH_COMPLETE');
    expect(sb.upload(publishId)).toMatchObject({ media: null, mediaNote: null });
  });

  it('lets a test force any fail_reason through the hook', async () => {
    const t = await signIn(sb, { account: 'ava' });
    const init = await initDirect(sb, t.access_token, directBody({ source_info: fileSource(1000) }));
    const hook = await fetch(`${sb.url}/__sandbox/uploads/${encodeURIComponent(init.publishId)}/fail`, {
      method: 'POST',
      body: JSON.stringify({ failReason: 'frame_rate_check_failed' }),
    });
    expect(hook.status).toBe(200);
    const r = await status(t.access_token, init.publishId);
    expect(r.body.data).toMatchObject({ status: 'FAILED', fail_reason: 'frame_rate_check_failed' });
    const again = await fetch(`${sb.url}/__sandbox/uploads/${encodeURIComponent(init.publishId)}/fail`, {
      method: 'POST',
      body: JSON.stringify({ failReason: 'internal' }),
    });
    expect(again.status).toBe(409);
  });
});

describe('inbox (draft) processing', () => {
  it('goes to SEND_TO_USER_INBOX and only completes when the creator finishes the draft (HTTP hook)', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const init = await initInbox(sb, t.access_token, fileSource(VIDEO.length));
    expect((await putVideo(init.uploadUrl, VIDEO)).status).toBe(201);
    await waitForStatus(t.access_token, init.publishId, 'SEND_TO_USER_INBOX');
    await new Promise((r) => setTimeout(r, 100));
    expect((await status(t.access_token, init.publishId)).body.data.status).toBe('SEND_TO_USER_INBOX');
    const hook = await fetch(`${sb.url}/__sandbox/drafts/${encodeURIComponent(init.publishId)}/finish`, {
      method: 'POST',
    });
    expect(hook.status).toBe(200);
    expect((await status(t.access_token, init.publishId)).body.data.status).toBe('PUBLISH_COMPLETE');
  });

  it('finishes drafts in-process too, and refuses tasks that are not waiting in the inbox', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const init = await initInbox(sb, t.access_token, fileSource(VIDEO.length));
    expect(() => sb.finishDraft(init.publishId)).toThrow(/not-in-inbox/);
    expect(() => sb.finishDraft('v_inbox_file~v2.1')).toThrow(/unknown/);
    await putVideo(init.uploadUrl, VIDEO);
    await waitFor(() => (sb.upload(init.publishId)?.status === 'SEND_TO_USER_INBOX' ? true : undefined));
    sb.finishDraft(init.publishId);
    expect(sb.upload(init.publishId)?.status).toBe('PUBLISH_COMPLETE');
    const direct = await initDirect(sb, t.access_token, directBody());
    const hook = await fetch(`${sb.url}/__sandbox/drafts/${encodeURIComponent(direct.publishId)}/finish`, {
      method: 'POST',
    });
    expect(hook.status).toBe(409);
  });

  it("allows drafts up to 10 minutes whatever the creator's direct-post limit", async () => {
    const t = await signIn(sb, { account: 'pia' }); // max_video_post_duration_sec 300
    const within = await syntheticVideo({ container: 'mp4', fastStart: true, seconds: 599, fps: 24, frameBytes: 8 });
    const ok = await initInbox(sb, t.access_token, fileSource(within.length));
    await putVideo(ok.uploadUrl, within);
    await waitForStatus(t.access_token, ok.publishId, 'SEND_TO_USER_INBOX');
    const over = Buffer.from(readCorpusFile('h264-601s.mp4'));
    const tooLong = await initInbox(sb, t.access_token, fileSource(over.length));
    await putVideo(tooLong.uploadUrl, over);
    expect((await waitForStatus(t.access_token, tooLong.publishId, 'FAILED')).body.data.fail_reason).toBe(
      'duration_check_failed',
    );
  });
});

describe('PULL_FROM_URL processing and cancel', () => {
  it('completes a pull without fetching anything and reports downloaded_bytes', async () => {
    sb.setOptions({ verifiedDomains: ['example.com'] });
    const t = await signIn(sb, { account: 'pia' });
    const init = await initDirect(sb, t.access_token, {
      post_info: directBody().post_info,
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://example.com/v.mp4' },
    });
    const first = await status(t.access_token, init.publishId);
    expect(first.body.data).toMatchObject({ status: 'PROCESSING_DOWNLOAD', downloaded_bytes: 0 });
    expect(first.body.data).not.toHaveProperty('uploaded_bytes');
    await waitForStatus(t.access_token, init.publishId, 'PUBLISH_COMPLETE');
  });

  it('cancels a download in progress and refuses to cancel anything else', async () => {
    sb.setOptions({ verifiedDomains: ['example.com'], processingDelayMs: 10_000 });
    const t = await signIn(sb, { account: 'pia' });
    const pull = await initDirect(sb, t.access_token, {
      post_info: directBody().post_info,
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://example.com/v.mp4' },
    });
    const cancel = await api(sb, t.access_token, '/v2/post/publish/cancel/', { publish_id: pull.publishId });
    expect(cancel.body.error.code).toBe('ok');
    expect((await status(t.access_token, pull.publishId)).body.data).toMatchObject({
      status: 'FAILED',
      fail_reason: 'publish_cancelled',
    });
    const again = await api(sb, t.access_token, '/v2/post/publish/cancel/', { publish_id: pull.publishId });
    expect(again.body.error.code).toBe('publish_not_cancellable');
    const file = await initDirect(sb, t.access_token, directBody());
    expect(
      (await api(sb, t.access_token, '/v2/post/publish/cancel/', { publish_id: file.publishId })).body.error.code,
    ).toBe('publish_not_cancellable');
  });
});

describe('POST /v2/post/publish/status/fetch/', () => {
  it('answers invalid_publish_id for an unknown id and invalid_params without one', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const unknown = await status(t.access_token, 'v_pub_file~v2-1.123');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_publish_id');
    const missing = await api(sb, t.access_token, STATUS, {});
    expect(missing.body.error.code).toBe('invalid_params');
  });

  it("answers token_not_authorized_for_specified_publish_id for another user's id", async () => {
    const pia = await signIn(sb, { account: 'pia' });
    const ava = await signIn(sb, { account: 'ava' });
    const init = await initDirect(sb, pia.access_token, directBody());
    const r = await status(ava.access_token, init.publishId);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('token_not_authorized_for_specified_publish_id');
    // Another token of the same user may ask.
    const pia2 = await signIn(sb, { account: 'pia' });
    expect((await status(pia2.access_token, init.publishId)).body.error.code).toBe('ok');
  });

  it('accepts either video.upload or video.publish', async () => {
    const pia = await signIn(sb, { account: 'pia' });
    const init = await initDirect(sb, pia.access_token, directBody());
    const uploadOnly = await signIn(sb, { account: 'pia', untick: ['video.publish'] });
    expect((await status(uploadOnly.access_token, init.publishId)).body.error.code).toBe('ok');
    const neither = await signIn(sb, { account: 'pia', untick: ['video.publish', 'video.upload'] });
    const r = await status(neither.access_token, init.publishId);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('scope_not_authorized');
  });

  it('allows 30 requests per token per sliding minute', async () => {
    const t = await signIn(sb, { account: 'pia' });
    const init = await initDirect(sb, t.access_token, directBody());
    for (let i = 0; i < 30; i++) expect((await status(t.access_token, init.publishId)).status).toBe(200);
    const limited = await status(t.access_token, init.publishId);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    clock.advance(60_001);
    expect((await status(t.access_token, init.publishId)).status).toBe(200);
  });
});
