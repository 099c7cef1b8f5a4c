import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MIB,
  TestClock,
  api,
  directBody,
  initDirect,
  patternBytes,
  put,
  putChunk,
  sha256Of,
  signIn,
  waitFor,
} from '../../test/harness';
import { type RunningSandbox, startSandbox } from '../index';

const clock = new TestClock();
let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ now: clock.now, processingDelayMs: 20 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.reset();
  token = (await signIn(sb, { account: 'pia' })).access_token;
});

async function init(videoSize: number, chunkSize = videoSize, totalChunkCount = 1) {
  return initDirect(
    sb,
    token,
    directBody({ source_info: { video_size: videoSize, chunk_size: chunkSize, total_chunk_count: totalChunkCount } }),
  );
}

/** 11 MiB + 123 bytes in two chunks: 5 MiB, then 6 MiB + 123 (the last absorbs the remainder). */
const SIZE = 11 * MIB + 123;
const CHUNK = 5 * MIB;

describe('PUT upload_url: addressing and expiry', () => {
  it('answers 404 for an unknown upload_id, a wrong upload_token or a missing one', async () => {
    const { uploadUrl } = await init(1000);
    const u = new URL(uploadUrl);
    const wrongToken = new URL(uploadUrl);
    wrongToken.searchParams.set('upload_token', 'f'.repeat(48));
    const wrongId = new URL(uploadUrl);
    wrongId.searchParams.set('upload_id', '1234');
    const noToken = new URL(uploadUrl);
    noToken.searchParams.delete('upload_token');
    for (const url of [wrongToken, wrongId, noToken]) {
      expect((await putChunk(url.toString(), 1000, 0, 1000)).status).toBe(404);
    }
    expect(u.searchParams.get('upload_token')).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers 403 once the upload URL is an hour old (injected clock), not before', async () => {
    const a = await init(1000);
    clock.advance(3_599_000);
    expect((await putChunk(a.uploadUrl, 1000, 0, 1000)).status).toBe(201);
    const b = await init(1000);
    clock.advance(3_600_000);
    const late = await putChunk(b.uploadUrl, 1000, 0, 1000);
    expect(late.status).toBe(403);
    expect(sb.upload(b.publishId)?.receivedBytes).toBe(0);
  });

  it('uses uploadUrlTtlSec', async () => {
    sb.setOptions({ uploadUrlTtlSec: 10 });
    const a = await init(1000);
    clock.advance(10_000);
    expect((await putChunk(a.uploadUrl, 1000, 0, 1000)).status).toBe(403);
  });

  it('only takes PUT', async () => {
    const { uploadUrl } = await init(1000);
    expect((await fetch(uploadUrl, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('PUT upload_url: headers', () => {
  it.each([undefined, 'application/octet-stream', 'video/mpeg', 'video/mp4x'])(
    'answers 400 for Content-Type %j',
    async (type) => {
      const { uploadUrl, publishId } = await init(1000);
      const r = await putChunk(uploadUrl, 1000, 0, 1000, { headers: { 'content-type': type } });
      expect(r.status).toBe(400);
      expect(sb.upload(publishId)?.receivedBytes).toBe(0);
    },
  );

  it.each(['video/mp4', 'video/quicktime', 'video/webm', 'Video/MP4; codecs="avc1"'])(
    'accepts Content-Type %j',
    async (type) => {
      const { uploadUrl } = await init(1000);
      expect((await putChunk(uploadUrl, 1000, 0, 1000, { headers: { 'content-type': type } })).status).toBe(201);
    },
  );

  it('answers 400 for a body without Content-Length (chunked transfer encoding)', async () => {
    const { uploadUrl, publishId } = await init(1000);
    const r = await putChunk(uploadUrl, 1000, 0, 1000, { headers: { 'content-length': undefined } });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/Content-Length/);
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
  });

  it.each([undefined, 'bytes 0-999', 'bytes */1000', 'bytes 0-1000/1000', 'bytes=0-999/1000'])(
    'answers 400 for Content-Range %j',
    async (range) => {
      const { uploadUrl } = await init(1000);
      expect((await putChunk(uploadUrl, 1000, 0, 1000, { headers: { 'content-range': range } })).status).toBe(400);
    },
  );

  it('answers 400 when the total differs from video_size', async () => {
    const { uploadUrl } = await init(1000);
    expect(
      (await putChunk(uploadUrl, 1000, 0, 1000, { headers: { 'content-range': 'bytes 0-999/1001' } })).status,
    ).toBe(400);
  });

  it('answers 400 when last-first+1 differs from Content-Length', async () => {
    const { uploadUrl, publishId } = await init(1000);
    const r = await put(uploadUrl, {
      body: patternBytes(0, 999),
      headers: { 'content-type': 'video/mp4', 'content-length': '999', 'content-range': 'bytes 0-999/1000' },
    });
    expect(r.status).toBe(400);
    // Judged from the headers, before any byte is read.
    expect(r.text).toContain('Content-Length does not match the Content-Range');
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
  });
});

describe('PUT upload_url: progress and chunk rules', () => {
  it('answers 416 with the real progress when first != received bytes', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    const ahead = await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK);
    expect(ahead.status).toBe(416);
    expect(ahead.headers['content-range']).toBe(`bytes */${SIZE}`);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    // Sending the same chunk again is out of sync too.
    const replay = await putChunk(uploadUrl, SIZE, 0, CHUNK);
    expect(replay.status).toBe(416);
    expect(replay.headers['content-range']).toBe(`bytes 0-${CHUNK - 1}/${SIZE}`);
    expect(sb.upload(publishId)?.receivedBytes).toBe(CHUNK);
  });

  it('requires every chunk but the last to be exactly chunk_size', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    const short = await putChunk(uploadUrl, SIZE, 0, CHUNK - 1);
    expect(short.status).toBe(400);
    expect(short.text).toMatch(/Chunk 0 must be 5242880 bytes/);
    const long = await putChunk(uploadUrl, SIZE, 0, CHUNK + 1);
    expect(long.status).toBe(400);
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
  });

  it('requires the last chunk to be exactly the remainder (no extra chunk for it)', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    // Sending the remainder as chunk_size + an extra chunk is the ceil mistake.
    expect((await putChunk(uploadUrl, SIZE, CHUNK, CHUNK)).status).toBe(400);
    expect(sb.upload(publishId)?.receivedBytes).toBe(CHUNK);
  });

  it('uploads a multi-chunk video whose sha256 matches, with 206, 201 and progress headers', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    const first = await putChunk(uploadUrl, SIZE, 0, CHUNK);
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-${CHUNK - 1}/${SIZE}`);
    const mid = sb.upload(publishId);
    expect(mid?.sha256).toBe(sha256Of(0, CHUNK));
    expect(mid?.complete).toBe(false);
    const last = await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK);
    expect(last.status).toBe(201);
    expect(last.headers['content-range']).toBe(`bytes 0-${SIZE - 1}/${SIZE}`);
    const report = sb.upload(publishId);
    expect(report).toMatchObject({
      receivedBytes: SIZE,
      complete: true,
      videoSize: SIZE,
      chunkSize: CHUNK,
      totalChunkCount: 2,
    });
    expect(report?.sha256).toBe(sha256Of(0, SIZE));
    expect(report?.chunks.map(({ ms: _ms, ...c }) => c)).toEqual([
      { index: 0, start: 0, end: CHUNK - 1, length: CHUNK },
      { index: 1, start: CHUNK, end: SIZE - 1, length: SIZE - CHUNK },
    ]);
    expect(report?.chunks.every((c) => c.ms >= 0)).toBe(true);
    expect(sb.stats()).toMatchObject({ chunksAccepted: 2, uploadsCompleted: 1 });
  });

  it('reports uploaded_bytes through status/fetch while uploading', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    await putChunk(uploadUrl, SIZE, 0, CHUNK);
    const r = await api<{ status: string; uploaded_bytes: number }>(sb, token, '/v2/post/publish/status/fetch/', {
      publish_id: publishId,
    });
    expect(r.body.data).toMatchObject({ status: 'PROCESSING_UPLOAD', uploaded_bytes: CHUNK });
  });

  it('does not accept a chunk whose body ends early; the hash and progress stay as they were', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    await expect(putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK, { abortAfter: 2 * MIB })).rejects.toThrow();
    await waitFor(() => (sb.stats().chunksRejected === 1 ? true : undefined));
    const after = sb.upload(publishId);
    expect(after?.receivedBytes).toBe(CHUNK);
    expect(after?.sha256).toBe(sha256Of(0, CHUNK));
    // The retry of the same chunk completes the upload byte-exact.
    expect((await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK)).status).toBe(201);
    expect(sb.upload(publishId)?.sha256).toBe(sha256Of(0, SIZE));
  });

  it('stores bytes as sent: a chunk carrying the wrong region shows up as a sha256 mismatch', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    // Bytes of another region (the "storage ignored Range" bug): accepted, but the hash tells.
    await put(uploadUrl, {
      body: { start: 0, length: CHUNK },
      headers: {
        'content-type': 'video/mp4',
        'content-length': String(CHUNK),
        'content-range': `bytes 0-${CHUNK - 1}/${SIZE}`,
      },
    });
    await put(uploadUrl, {
      body: { start: 0, length: SIZE - CHUNK },
      headers: {
        'content-type': 'video/mp4',
        'content-length': String(SIZE - CHUNK),
        'content-range': `bytes ${CHUNK}-${SIZE - 1}/${SIZE}`,
      },
    });
    expect(sb.upload(publishId)?.complete).toBe(true);
    expect(sb.upload(publishId)?.sha256).not.toBe(sha256Of(0, SIZE));
  });

  it('lets only one of two concurrent PUTs of the same chunk commit', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    const results = await Promise.all([putChunk(uploadUrl, SIZE, 0, CHUNK), putChunk(uploadUrl, SIZE, 0, CHUNK)]);
    expect(results.map((r) => r.status).sort()).toEqual([206, 416]);
    expect(sb.upload(publishId)?.receivedBytes).toBe(CHUNK);
    expect(sb.upload(publishId)?.sha256).toBe(sha256Of(0, CHUNK));
  });

  it('answers 404 for a task that already failed', async () => {
    const { uploadUrl, publishId } = await init(SIZE, CHUNK, 2);
    await fetch(`${sb.url}/__sandbox/uploads/${encodeURIComponent(publishId)}/fail`, {
      method: 'POST',
      body: JSON.stringify({ failReason: 'internal' }),
    });
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(404);
  });

  it('throttles uploads to uploadBytesPerSecond', async () => {
    sb.setOptions({ uploadBytesPerSecond: 4 * MIB });
    const { uploadUrl } = await init(1 * MIB);
    const started = Date.now();
    expect((await putChunk(uploadUrl, MIB, 0, MIB)).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('answers a rejected chunk and then accepts the corrected one', async () => {
    const { uploadUrl } = await init(1000);
    const agentReq = (range: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(uploadUrl, {
          method: 'PUT',
          headers: { 'content-type': 'video/mp4', 'content-length': '1000', 'content-range': range },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(patternBytes(0, 1000));
      });
    expect(await agentReq('bytes 0-999/1001')).toBe(400);
    expect(await agentReq('bytes 0-999/1000')).toBe(201);
  });
});
