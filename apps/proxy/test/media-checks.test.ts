import { type ManifestEntry, corpus, readCorpusFile } from '@content-studio/media-corpus';
import {
  type PublishStatus,
  type UploadMode,
  endpointPath,
  endpoints,
  sniffVideoContainer,
} from '@content-studio/contract';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { CLIENT_HEADERS, useListeningSandboxApp } from './sandbox-app';
import { DEFAULT_POST, createUpload, oneShotFields, putChunk, uploadOneShot, uploadResumable } from './upload-client';

/**
 * Issue 19 through the real proxy and the sandbox: every corpus file a client sends anyway ends as
 * TikTok would end it (the proxy's status endpoint shows TikTok's fail_reason), and every file the
 * first-bytes rule refuses never costs an init.
 */
const live = useListeningSandboxApp();

/** A corpus file as the upload client's source (same shape as video-source.ts). */
function fileSource(bytes: Uint8Array) {
  async function* range(start: number, end: number): AsyncGenerator<Buffer> {
    yield Buffer.from(bytes.subarray(start, end + 1));
  }
  return { size: bytes.length, range, all: () => range(0, bytes.length - 1), sha256: async () => '' };
}

const modeOf = (entry: ManifestEntry): UploadMode => (entry.post.mode === 'inbox' ? 'draft' : 'direct');
// SELF_ONLY: public posts wait for "moderation" ids, which is not what these tests are about.
const POST = { ...DEFAULT_POST, privacyLevel: 'SELF_ONLY' as const };

async function statusOf(token: string, publishId: string): Promise<PublishStatus> {
  const res = await request(`${live.base}${endpointPath(endpoints.postStatus, { publishId })}`, {
    headers: { authorization: `Bearer ${token}`, ...CLIENT_HEADERS },
  });
  expect(res.statusCode).toBe(200);
  return (await res.body.json()) as PublishStatus;
}

async function finalStatus(token: string, publishId: string): Promise<PublishStatus> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const s = await statusOf(token, publishId);
    if (s.status !== 'PROCESSING_UPLOAD') return s;
    if (Date.now() > deadline) throw new Error(`still ${s.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expectedStatus(entry: ManifestEntry) {
  const t = entry.outcome.tiktok;
  if (t.status === 'FAILED') return { status: 'FAILED', failReason: t.failReason };
  return { status: entry.post.mode === 'inbox' ? 'SEND_TO_USER_INBOX' : 'PUBLISH_COMPLETE', failReason: null };
}

const inits = () => live.ctx.sandbox.stats().inits.direct + live.ctx.sandbox.stats().inits.inbox;
const sent = corpus.filter((e) => e.outcome.firstBytes === 'accepted');
const refused = corpus.filter((e) => e.outcome.firstBytes === 'refused' && e.bytes > 0);

describe('files the first-bytes rule lets through end as TikTok ends them', () => {
  it.each(sent.map((e) => [e.name, e] as const))('%s', async (name, entry) => {
    const { accessToken } = await live.ctx.signIn(entry.post.account);
    const bytes = readCorpusFile(name);
    // The type is declared from the first bytes, as the compose screen does.
    const sniff = sniffVideoContainer(bytes);
    const mimeType = sniff.ok ? sniff.mimeType : 'video/mp4';
    const { upload, failed } = await uploadResumable(live.base, accessToken, fileSource(bytes), {
      mode: modeOf(entry),
      post: POST,
      mimeType,
    });
    expect(failed).toBeUndefined();
    const final = await finalStatus(accessToken, upload.publishId);
    expect({ status: final.status, failReason: final.failReason }).toEqual(expectedStatus(entry));
    expect(final.uploadedBytes).toBe(entry.bytes);
  });
});

describe('files the first-bytes rule refuses never reach init', () => {
  it.each(refused.map((e) => [e.name, e] as const))(
    '%s: the one-shot path answers 415 before init',
    async (name, entry) => {
      const { accessToken } = await live.ctx.signIn(entry.post.account);
      const bytes = readCorpusFile(name);
      const res = await uploadOneShot(
        live.base,
        accessToken,
        oneShotFields(modeOf(entry), bytes.length, POST),
        fileSource(bytes).all(),
      );
      expect({ status: res.status, code: res.body.error?.code }).toEqual({
        status: 415,
        code: 'VIDEO_FORMAT_UNSUPPORTED',
      });
      expect(inits()).toBe(0);
    },
  );

  it('an empty file is refused by its size before init, by both paths', async () => {
    const { accessToken } = await live.ctx.signIn('ava');
    const oneShot = await uploadOneShot(
      live.base,
      accessToken,
      oneShotFields('direct', 0, POST),
      fileSource(new Uint8Array(0)).all(),
    );
    expect(oneShot.status).toBe(400);
    expect((await createUpload(live.base, accessToken, { mode: 'direct', videoSize: 0, post: POST })).status).toBe(400);
    expect(inits()).toBe(0);
  });

  it('on the resumable path the init comes first, so the proxy refuses the first chunk and forwards nothing', async () => {
    // This is why the compose screen runs the same rule (packages/contract) before any call.
    const { accessToken } = await live.ctx.signIn('ava');
    const bytes = readCorpusFile('text-named.mp4');
    const created = await createUpload(live.base, accessToken, { mode: 'direct', videoSize: bytes.length, post: POST });
    expect(created.status).toBe(201);
    const chunk = await putChunk(live.base, accessToken, created.body, 0, Buffer.from(bytes), bytes.length);
    expect({ status: chunk.status, code: chunk.body.error?.code }).toEqual({
      status: 415,
      code: 'VIDEO_FORMAT_UNSUPPORTED',
    });
    expect(live.ctx.sandbox.upload(created.body.publishId)?.receivedBytes).toBe(0);
  });
});
