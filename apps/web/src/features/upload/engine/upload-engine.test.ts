import type { PublishStatus } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, FakeUploadTransport, MemoryStorage, testTokens, videoFile } from '../testing/fake-upload-transport';
import { UPLOADS_STORAGE_KEY, type JobRecord } from './job-store';
import { UploadEngine, type EngineTiming } from './upload-engine';
import type { UploadJobState, UploadJobView } from './upload-types';

const POST = postSettings({ title: 'Sunset #beach', privacyLevel: 'PUBLIC_TO_EVERYONE', allowComment: true });

const engines: UploadEngine[] = [];
let ids = 0;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(1_800_000_000_000);
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.dispose();
  vi.useRealTimers();
});

interface Setup {
  transport?: FakeUploadTransport;
  storage?: MemoryStorage;
  getAccessToken?: () => Promise<string>;
  timing?: Partial<EngineTiming>;
  start?: boolean;
}

/** One "page load": an engine over the given storage and transport. */
function load({
  transport = new FakeUploadTransport(),
  storage = new MemoryStorage(),
  getAccessToken,
  timing,
  start = true,
}: Setup = {}) {
  const tokens = testTokens(getAccessToken);
  const engine = new UploadEngine({
    transport,
    storage,
    tokens,
    random: () => 0.5,
    createId: () => `job-${++ids}`,
    ...(timing ? { timing } : {}),
  });
  engines.push(engine);
  if (start) engine.start();
  return { engine, transport, storage, tokens };
}

/** The page goes away: requests stop, storage stays. */
function unload(engine: UploadEngine) {
  engine.dispose();
}

function view(engine: UploadEngine, id: string): UploadJobView {
  const job = engine.getSnapshot().find((candidate) => candidate.id === id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

function stored(storage: MemoryStorage, id: string): JobRecord | undefined {
  const queue = storage.read(UPLOADS_STORAGE_KEY) as { jobs: JobRecord[] } | undefined;
  return queue?.jobs.find((job) => job.id === id);
}

/** Advances fake time in small steps until `check` holds (or fails with the states seen). */
async function until(
  engine: UploadEngine,
  check: (jobs: UploadJobView[]) => boolean,
  maxMs = 10 * 60_000,
  stepMs = 50,
) {
  for (let waited = 0; waited <= maxMs; waited += stepMs) {
    if (check(engine.getSnapshot())) return;
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  throw new Error(
    `Not reached; jobs: ${JSON.stringify(engine.getSnapshot().map((job) => [job.state, job.error, job.retry]))}`,
  );
}

const inState = (engine: UploadEngine, id: string, state: UploadJobState, maxMs?: number) =>
  until(engine, () => view(engine, id).state === state, maxMs);

async function bytesOf(file: File): Promise<number[]> {
  return Array.from(new Uint8Array(await file.arrayBuffer()));
}

describe('a multi-chunk upload', () => {
  it('sends every chunk in order with exactly its bytes, then tracks the post to the inbox', async () => {
    const { engine, transport } = load();
    const file = videoFile(35); // chunks 0-9, 10-19, 20-34
    const id = await engine.enqueue({ file, mode: 'draft' });

    transport.scriptStatus({ status: 'PROCESSING_UPLOAD', failReason: null, postIds: [], uploadedBytes: 35 });
    transport.scriptStatus({ status: 'SEND_TO_USER_INBOX', failReason: null, postIds: [], uploadedBytes: 35 });
    await inState(engine, id, 'inbox');

    expect(transport.inits).toEqual([
      { mode: 'draft', videoSize: 35, mimeType: 'video/mp4', preferredChunkSize: 64_000_000 },
    ]);
    expect(transport.chunkCalls.map((call) => [call.index, call.bytes.length])).toEqual([
      [0, 10],
      [1, 10],
      [2, 15],
    ]);
    expect(transport.chunkCalls.flatMap((call) => Array.from(call.bytes))).toEqual(await bytesOf(file));
    expect(view(engine, id).progress).toMatchObject({ sentBytes: 35, totalBytes: 35 });

    // Tracking ends at the inbox: no more status requests.
    const calls = transport.statusCalls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.statusCalls.length).toBe(calls);
  });

  it('records the job before init, the publish id the moment init returns, and each acknowledged chunk', async () => {
    const transport = new FakeUploadTransport();
    const storage = new MemoryStorage();
    const seen: Array<[string, unknown]> = [];
    transport.initStep = (request, count) => {
      seen.push(['during init', stored(storage, 'job-' + ids)?.state]);
      return transport.plan(request, count);
    };
    const { engine } = load({ transport, storage });
    const originalPut = transport.putChunk.bind(transport);
    transport.putChunk = async (input, onProgress, signal) => {
      const record = stored(storage, 'job-' + ids);
      seen.push([
        `before chunk ${input.index}`,
        [record?.upload?.publishId, record?.upload?.uploadSession, record?.acknowledgedChunks],
      ]);
      return originalPut(input, onProgress, signal);
    };
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'processing');

    expect(seen).toEqual([
      ['during init', 'initializing'],
      ['before chunk 0', ['v_pub_file~v2-1.fake1', 'sealed-session-1', 0]],
      ['before chunk 1', ['v_pub_file~v2-1.fake1', 'sealed-session-1', 1]],
      ['before chunk 2', ['v_pub_file~v2-1.fake1', 'sealed-session-1', 2]],
    ]);
    expect(stored(storage, id)).toMatchObject({ state: 'processing', acknowledgedChunks: 3 });
  });

  it('reports bytes sent, a moving-average speed and the time left', async () => {
    const transport = new FakeUploadTransport();
    transport.chunkSize = 1_000;
    const trickle = { trickle: { bytesPerTick: 100, tickMs: 200 } }; // 500 B/s
    transport.scriptChunk(0, trickle);
    transport.scriptChunk(1, trickle);
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(3_000), mode: 'draft' });
    await until(engine, () => view(engine, id).progress.sentBytes >= 1_600);
    const { progress, chunk } = view(engine, id);
    expect(chunk).toEqual({ index: 1, count: 3 });
    expect(progress.totalBytes).toBe(3_000);
    expect(progress.bytesPerSecond).toBe(500);
    expect(progress.secondsLeft).toBe(Math.ceil((3_000 - progress.sentBytes) / progress.bytesPerSecond!));
    await inState(engine, id, 'processing');
    expect(view(engine, id).progress).toMatchObject({ sentBytes: 3_000, bytesPerSecond: null, secondsLeft: null });
  });

  it('never cuts off a chunk that keeps moving, however long it takes in all', async () => {
    // A 64,000,000-byte chunk from a slow uplink takes minutes: the watchdog measures silence
    // (no progress for 30 s), never a chunk's whole duration, so a big chunk is not sent again.
    const transport = new FakeUploadTransport();
    transport.chunkSize = 50;
    transport.scriptChunk(0, { trickle: { bytesPerTick: 1, tickMs: 20_000 } }); // 50 B in 1,000 s
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(50), mode: 'draft' });
    await inState(engine, id, 'processing', 20 * 60_000);
    expect(Date.now() - 1_800_000_000_000).toBeGreaterThanOrEqual(1_000_000);
    expect(transport.chunkCalls.map((call) => [call.index, call.signal.aborted])).toEqual([[0, false]]);
  });

  it('gives up on a chunk whose bytes all went out but whose answer never comes, and sends it again', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(0, { sendAllThen: new Promise(() => undefined) });
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await until(engine, () => transport.chunkCalls.length === 1);
    // Not the 30 s stall rule: once everything is sent, the proxy may legitimately take a while.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.chunkCalls[0]!.signal.aborted).toBe(false);
    await inState(engine, id, 'processing', 3 * 60_000);
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 0, 1]);
  });

  it('sends the direct post settings with the init', async () => {
    const { engine, transport } = load();
    await engine.enqueue({
      file: videoFile(25, { name: 'clip.MOV', type: '' }),
      mode: 'direct',
      post: POST,
      creatorUsername: 'ava',
    });
    await until(engine, () => transport.inits.length === 1);
    expect(transport.inits[0]).toEqual({
      mode: 'direct',
      videoSize: 25,
      mimeType: 'video/quicktime',
      post: POST,
      preferredChunkSize: 64_000_000,
    });
  });

  it('refuses a direct post without settings, or a file that is not a video, without calling init', async () => {
    const { engine, transport } = load();
    const noPost = await engine.enqueue({ file: videoFile(25), mode: 'direct' });
    const notVideo = await engine.enqueue({
      file: videoFile(25, { name: 'notes.txt', type: 'text/plain' }),
      mode: 'draft',
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(view(engine, noPost)).toMatchObject({ state: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(view(engine, notVideo)).toMatchObject({ state: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(transport.inits).toHaveLength(0);
  });

  it('shows a file that cannot be read as failed instead of throwing', async () => {
    const transport = new FakeUploadTransport();
    const engine = new UploadEngine({
      transport,
      storage: new MemoryStorage(),
      tokens: testTokens(async () => 't'),
      fingerprint: () => Promise.reject(new DOMException('gone', 'NotReadableError')),
    });
    engines.push(engine);
    engine.start();
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    expect(view(engine, id)).toMatchObject({
      state: 'failed',
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/could not be read/) },
    });
    expect(transport.inits).toHaveLength(0);
  });
});

describe('chunk failures', () => {
  it('retries a 502 on the same chunk with backoff, then completes byte exact', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, apiError('UPSTREAM_UNAVAILABLE', 502, "TikTok's upload server is not answering."));
    const { engine } = load({ transport });
    const file = videoFile(35);
    const id = await engine.enqueue({ file, mode: 'draft' });

    await inState(engine, id, 'retrying');
    const retrying = view(engine, id);
    expect(retrying.retry).toMatchObject({ kind: 'chunk', chunkIndex: 1, chunkCount: 3, attempt: 2, maxAttempts: 6 });
    // random() = 0.5 → half of the first ceiling (1 s); `until` may have moved the clock a step on.
    expect(retrying.retry!.nextAttemptAt - Date.now()).toBeGreaterThan(440);
    expect(retrying.retry!.nextAttemptAt - Date.now()).toBeLessThanOrEqual(500);

    await inState(engine, id, 'processing');
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 1, 1, 2]);
    // The failed attempt (call 1) aside, TikTok got exactly the file.
    const delivered = [0, 2, 3].flatMap((call) => Array.from(transport.chunkCalls[call]!.bytes));
    expect(delivered).toEqual(await bytesOf(file));
    expect(transport.inits).toHaveLength(1);
  });

  it('waits at least as long as Retry-After on a 429', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(0, apiError('RATE_LIMITED', 429, 'Too many requests.', { retryAfterMs: 7_000 }));
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'retrying');
    expect(view(engine, id).retry!.nextAttemptAt - Date.now()).toBeGreaterThan(6_940);
  });

  it('gives up after six attempts, keeping the upload resumable without a new init', async () => {
    const transport = new FakeUploadTransport();
    const down = () => apiError('UPSTREAM_UNAVAILABLE', 0, 'The connection dropped.');
    transport.scriptChunk(1, down(), down(), down(), down(), down(), down());
    const { engine } = load({ transport });
    const file = videoFile(35);
    const id = await engine.enqueue({ file, mode: 'draft' });
    await inState(engine, id, 'failed');
    expect(transport.chunkCalls.filter((call) => call.index === 1)).toHaveLength(6);
    expect(view(engine, id)).toMatchObject({ resumable: true, error: { code: 'UPSTREAM_UNAVAILABLE' } });

    await expect(engine.provideFile(id, videoFile(35))).resolves.toEqual({ ok: true });
    await inState(engine, id, 'processing');
    expect(transport.chunkCalls.map((call) => call.index).slice(-2)).toEqual([1, 2]);
    expect(transport.inits).toHaveLength(1);
  });

  it("resyncs on UPLOAD_OUT_OF_SYNC to TikTok's byte count", async () => {
    const transport = new FakeUploadTransport();
    transport.chunkSize = 10;
    // TikTok says it already has 30 bytes when chunk 2 is sent: chunks 0–2 are done, go on with 3.
    transport.scriptChunk(
      2,
      apiError(
        'UPLOAD_OUT_OF_SYNC',
        409,
        'The upload got out of step with TikTok. TikTok has received 30 bytes so far. Continue from where TikTok left off.',
        {
          retryable: false,
        },
      ),
    );
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(45), mode: 'draft' });
    await inState(engine, id, 'processing');
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 1, 2, 3]);
  });

  it('goes back to the first chunk TikTok lacks when it holds less than we thought', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(
      2,
      apiError('UPLOAD_OUT_OF_SYNC', 409, 'TikTok has received 15 bytes so far.', { retryable: false }),
    );
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(45), mode: 'draft' });
    await inState(engine, id, 'processing');
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 1, 2, 1, 2, 3]);
  });

  it('fails when the out-of-sync answer carries no byte count', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(
      1,
      apiError('UPLOAD_OUT_OF_SYNC', 409, 'The upload got out of step with TikTok.', { retryable: false }),
    );
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'failed');
    expect(view(engine, id)).toMatchObject({ resumable: false, error: { code: 'UPLOAD_OUT_OF_SYNC' } });
  });

  it('stops resyncing when TikTok keeps answering out of sync', async () => {
    const transport = new FakeUploadTransport();
    const outOfSync = () =>
      apiError('UPLOAD_OUT_OF_SYNC', 409, 'TikTok has received 10 bytes so far.', { retryable: false });
    transport.scriptChunk(1, outOfSync(), outOfSync(), outOfSync(), outOfSync());
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'failed');
    expect(view(engine, id).error?.code).toBe('UPLOAD_OUT_OF_SYNC');
    expect(transport.chunkCalls.filter((call) => call.index === 1)).toHaveLength(4);
  });

  it('fails with "start again" on 410 and never inits again by itself', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(
      1,
      apiError('UPLOAD_RESTART_REQUIRED', 410, 'TikTok no longer accepts this upload. Please start the upload again.', {
        retryable: false,
      }),
    );
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'direct', post: POST });
    await inState(engine, id, 'failed');
    expect(view(engine, id)).toMatchObject({
      resumable: false,
      error: { code: 'UPLOAD_RESTART_REQUIRED' },
      publishId: 'v_pub_file~v2-1.fake1',
    });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(transport.inits).toHaveLength(1);
    expect(transport.statusCalls).toHaveLength(0);
  });

  it('fails with the message on a non-retryable error', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(
      0,
      apiError('VIDEO_FORMAT_UNSUPPORTED', 415, 'This file is not an MP4, MOV or WebM video.', { retryable: false }),
    );
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'failed');
    expect(view(engine, id).error).toEqual({
      code: 'VIDEO_FORMAT_UNSUPPORTED',
      message: 'This file is not an MP4, MOV or WebM video.',
      tiktokLogId: null,
    });
  });

  it('aborts a stalled chunk after 30 s without progress and retries it', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, 'hang');
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await until(engine, () => transport.chunkCalls.length === 2);
    const stalled = transport.chunkCalls[1]!;

    await vi.advanceTimersByTimeAsync(29_000);
    expect(stalled.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stalled.signal.aborted).toBe(true);
    expect(view(engine, id)).toMatchObject({ state: 'retrying', retry: { chunkIndex: 1, attempt: 2 } });
    expect(view(engine, id).retry?.message).toMatch(/No upload progress for 30 seconds/);

    await inState(engine, id, 'processing');
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 1, 1, 2]);
  });

  it('keeps the job resumable when the session ends mid-upload', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, apiError('TIKTOK_TOKEN_INVALID', 401, 'Your TikTok session ended.', { retryable: false }));
    const { engine, tokens } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'needs-file');
    expect(view(engine, id)).toMatchObject({
      needsFileReason: 'session-ended',
      resumable: true,
      publishId: 'v_pub_file~v2-1.fake1',
    });
    // The session is told, so it ends the way a refused API call ends it.
    expect(tokens.rejected).toHaveBeenCalledExactlyOnceWith('token-1', expect.objectContaining({ status: 401 }));
  });

  it('reports a refused init token to the session and keeps the job for after reconnecting', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = () => {
      throw apiError('TIKTOK_TOKEN_INVALID', 401, 'Your TikTok session ended.', { retryable: false });
    };
    const { engine, tokens } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'needs-file');
    expect(view(engine, id)).toMatchObject({ needsFileReason: 'session-ended', resumable: true, publishId: null });
    expect(tokens.rejected).toHaveBeenCalledExactlyOnceWith('token-1', expect.objectContaining({ status: 401 }));
  });

  it('reports a refused status token to the session', async () => {
    const { engine, transport, tokens } = load();
    transport.scriptStatus(apiError('UNAUTHENTICATED', 401, 'Connect again.', { retryable: false }));
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await until(engine, () => view(engine, id).retry?.kind === 'status');
    expect(tokens.rejected).toHaveBeenCalledExactlyOnceWith('token-1', expect.objectContaining({ status: 401 }));
  });

  it('stops, resumable, when the creator signs out mid-upload', async () => {
    let signedIn = true;
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, apiError('UPSTREAM_UNAVAILABLE', 502));
    const { engine } = load({
      transport,
      getAccessToken: async () => {
        if (!signedIn)
          throw apiError('UNAUTHENTICATED', 401, 'Connect your TikTok account to continue.', { retryable: false });
        return 'token-1';
      },
    });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'retrying');
    signedIn = false;
    await inState(engine, id, 'needs-file');
    expect(view(engine, id)).toMatchObject({ needsFileReason: 'session-ended', resumable: true });
    expect(transport.chunkCalls.map((call) => call.index)).toEqual([0, 1]);
  });

  it('sends chunks with the token the upload was created with, even after a refresh', async () => {
    // The proxy binds the sealed upload session to the init token's hash.
    let token = 'token-at-init';
    const { engine, transport } = load({ getAccessToken: async () => token });
    transport.initStep = (request, count) => {
      const plan = transport.plan(request, count);
      token = 'token-after-refresh';
      return plan;
    };
    const id = await engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await inState(engine, id, 'processing');
    expect(new Set(transport.chunkCalls.map((call) => call.accessToken))).toEqual(new Set(['token-at-init']));
  });
});

describe('init', () => {
  it('marks a lost init answer as outcome unknown and does not ask again', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = () => {
      throw apiError('UPSTREAM_TIMEOUT', 504, 'TikTok took too long to answer.');
    };
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST });
    await inState(engine, id, 'unknown');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(transport.inits).toHaveLength(1);
    expect(view(engine, id).resumable).toBe(false);
  });

  it('fails plainly when the proxy refuses the init (nothing was created)', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = () => {
      throw apiError('PRIVACY_OPTION_MISMATCH', 409, 'Choose one of the privacy options TikTok offers.', {
        retryable: false,
      });
    };
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST });
    await inState(engine, id, 'failed');
    expect(view(engine, id)).toMatchObject({
      publishId: null,
      resumable: false,
      error: { code: 'PRIVACY_OPTION_MISMATCH' },
    });
  });

  it('waits and asks again after a 429, which created nothing', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = (request, count) => {
      if (count === 1) throw apiError('RATE_LIMITED', 429, 'Too many requests.');
      return transport.plan(request, count);
    };
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'retrying');
    expect(view(engine, id).retry).toMatchObject({ kind: 'init', attempt: 2, maxAttempts: 3 });
    expect(view(engine, id).retry!.nextAttemptAt - Date.now()).toBeGreaterThanOrEqual(60_000);
    await inState(engine, id, 'processing');
    expect(transport.inits).toHaveLength(2);
  });
});

describe('cancel', () => {
  it('aborts the chunk in flight and says nothing will be posted', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, 'hang');
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(35), mode: 'direct', post: POST });
    await until(engine, () => transport.chunkCalls.length === 2);
    engine.cancel(id);
    expect(transport.chunkCalls[1]!.signal.aborted).toBe(true);
    expect(view(engine, id).state).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.chunkCalls).toHaveLength(2);
    expect(transport.statusCalls).toHaveLength(0);
  });

  it('cancels a queued job before it ever reaches TikTok, and the next one starts', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(0, 'hang');
    const { engine } = load({ transport });
    const first = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    const second = await engine.enqueue({ file: videoFile(25, { seed: 2 }), mode: 'draft' });
    engine.cancel(second);
    engine.cancel(first);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(view(engine, second).state).toBe('cancelled');
    expect(transport.inits).toHaveLength(1);
  });

  it('does not pretend to cancel once the last chunk has fully gone out', async () => {
    const transport = new FakeUploadTransport();
    let answer: (value: 'ok') => void = () => undefined;
    transport.scriptChunk(1, { sendAllThen: new Promise((resolve) => (answer = resolve)) });
    const { engine } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST });
    await until(engine, () => view(engine, id).progress.sentBytes === 25);
    engine.cancel(id);
    expect(transport.chunkCalls[1]!.signal.aborted).toBe(false);
    answer('ok');
    await inState(engine, id, 'processing');
    expect(view(engine, id).notice).toMatch(/Too late to cancel/);
  });
});

describe('the queue', () => {
  it('runs uploads one at a time, in order', async () => {
    const { engine, transport } = load();
    const a = await engine.enqueue({ file: videoFile(35, { name: 'a.mp4' }), mode: 'draft' });
    const b = await engine.enqueue({ file: videoFile(35, { name: 'b.mp4' }), mode: 'draft' });
    const c = await engine.enqueue({ file: videoFile(25, { name: 'c.mp4' }), mode: 'draft' });
    await until(engine, (jobs) => jobs.every((job) => job.state === 'processing'));
    expect(transport.maxInFlightChunks).toBe(1);
    // Each init waits for the previous upload's last chunk.
    expect(transport.events).toEqual([
      'init 1',
      'chunk 1/0',
      'chunk 1/1',
      'chunk 1/2',
      'init 2',
      'chunk 2/0',
      'chunk 2/1',
      'chunk 2/2',
      'init 3',
      'chunk 3/0',
      'chunk 3/1',
    ]);
    expect([a, b, c].map((id) => view(engine, id).publishId)).toEqual([
      'v_pub_file~v2-1.fake1',
      'v_pub_file~v2-1.fake2',
      'v_pub_file~v2-1.fake3',
    ]);
  });

  it('spaces status requests of several jobs to stay inside 30 a minute', async () => {
    const { engine, transport } = load();
    for (const seed of [1, 2, 3]) await engine.enqueue({ file: videoFile(25, { seed }), mode: 'draft' });
    await until(engine, (jobs) => jobs.every((job) => job.state === 'processing'));
    const from = transport.statusCalls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    const calls = transport.statusCalls.slice(from);
    expect(calls.length).toBeLessThanOrEqual(30);
    const gaps = calls.slice(1).map((call, i) => call.at - calls[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_500);
  });

  it('removes a dismissed job from the list and from storage', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = () => {
      throw apiError('CREATOR_CANNOT_POST', 403, 'You have reached the daily limit.', { retryable: false });
    };
    const { engine, storage } = load({ transport });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'failed');
    engine.dismiss(id);
    expect(engine.getSnapshot()).toEqual([]);
    expect(stored(storage, id)).toBeUndefined();
  });
});

describe('status tracking', () => {
  it('stops at FAILED with TikTok’s reason', async () => {
    const { engine, transport } = load();
    transport.scriptStatus({
      status: 'FAILED',
      failReason: 'frame_rate_check_failed',
      postIds: [],
      uploadedBytes: 25,
      tiktokLogId: 'log-fail-1',
    });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST, creatorUsername: 'ava' });
    await inState(engine, id, 'failed');
    expect(view(engine, id)).toMatchObject({
      failReason: 'frame_rate_check_failed',
      resumable: false,
      // Kept for the support details, next to the fail reason.
      error: { code: 'PUBLISH_FAILED', tiktokLogId: 'log-fail-1' },
    });
    const calls = transport.statusCalls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.statusCalls.length).toBe(calls);
  });

  it('keeps polling a public post until TikTok hands out its id, then links to it', async () => {
    const { engine, transport } = load();
    transport.scriptStatus(
      { status: 'PUBLISH_COMPLETE', failReason: null, postIds: [], uploadedBytes: 25 },
      { status: 'PUBLISH_COMPLETE', failReason: null, postIds: [], uploadedBytes: 25 },
      { status: 'PUBLISH_COMPLETE', failReason: null, postIds: ['7412345678901234567'], uploadedBytes: 25 },
    );
    const id = await engine.enqueue({
      file: videoFile(25),
      mode: 'direct',
      post: POST,
      creatorUsername: 'ava.creates',
    });
    await inState(engine, id, 'published');
    expect(view(engine, id)).toMatchObject({ awaitingPostLink: true, postUrl: null });
    await until(engine, () => view(engine, id).postUrl !== null);
    expect(view(engine, id)).toMatchObject({
      awaitingPostLink: false,
      postUrl: 'https://www.tiktok.com/@ava.creates/video/7412345678901234567',
    });
    const calls = transport.statusCalls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.statusCalls.length).toBe(calls);
  });

  it('stops waiting for the post id after two minutes', async () => {
    const { engine, transport } = load();
    transport.defaultStatus = { status: 'PUBLISH_COMPLETE', failReason: null, postIds: [], uploadedBytes: 25 };
    const id = await engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST, creatorUsername: 'ava' });
    await inState(engine, id, 'published');
    await until(engine, () => !view(engine, id).awaitingPostLink, 3 * 60_000);
    const calls = transport.statusCalls.length;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(transport.statusCalls.length).toBe(calls);
    expect(view(engine, id)).toMatchObject({ state: 'published', postUrl: null });
  });

  it('does not wait for a link a private post will never get', async () => {
    const { engine, transport } = load();
    transport.scriptStatus({ status: 'PUBLISH_COMPLETE', failReason: null, postIds: [], uploadedBytes: 25 });
    const id = await engine.enqueue({
      file: videoFile(25),
      mode: 'direct',
      post: { ...POST, privacyLevel: 'SELF_ONLY' },
      creatorUsername: 'ava',
    });
    await inState(engine, id, 'published');
    expect(view(engine, id).awaitingPostLink).toBe(false);
  });

  it('backs off on status errors and carries on; never inits again', async () => {
    const { engine, transport } = load();
    transport.scriptStatus(apiError('UPSTREAM_UNAVAILABLE', 502), apiError('RATE_LIMITED', 429), {
      status: 'SEND_TO_USER_INBOX',
      failReason: null,
      postIds: [],
      uploadedBytes: 25,
    });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await until(engine, () => view(engine, id).retry?.kind === 'status');
    expect(view(engine, id).state).toBe('processing');
    await inState(engine, id, 'inbox');
    expect(transport.inits).toHaveLength(1);
  });

  it('gives up with "unknown" when TikTok no longer knows the publish id', async () => {
    const { engine, transport } = load();
    transport.scriptStatus(apiError('PUBLISH_NOT_FOUND', 404, 'TikTok does not know this post.', { retryable: false }));
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'unknown');
    expect(view(engine, id).error?.code).toBe('PUBLISH_NOT_FOUND');
  });

  it('keeps asking through a status TikTok’s docs do not list, until one it knows', async () => {
    const { engine, transport } = load();
    const unknown: PublishStatus = {
      status: 'UNKNOWN',
      tiktokStatus: 'PROCESSING_MODERATION',
      failReason: null,
      postIds: [],
      uploadedBytes: 25,
    };
    transport.scriptStatus(unknown, unknown, {
      status: 'SEND_TO_USER_INBOX',
      failReason: null,
      postIds: [],
      uploadedBytes: 25,
    });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'inbox', 60_000);
    expect(transport.statusCalls.length).toBe(3);
    expect(view(engine, id).error).toBeNull();
  });

  it('gives up on statuses it does not know after the usual processing time', async () => {
    const { engine, transport } = load({ timing: { processingTimeoutMs: 60_000 } });
    transport.defaultStatus = {
      status: 'UNKNOWN',
      tiktokStatus: 'SOMETHING_NEW',
      failReason: null,
      postIds: [],
      uploadedBytes: 25,
    };
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'unknown', 3 * 60_000);
    expect(view(engine, id).error?.code).toBe('PROCESSING_TIMEOUT');
  });

  it('stops after a long processing time', async () => {
    const { engine } = load({ timing: { processingTimeoutMs: 60_000 } });
    const id = await engine.enqueue({ file: videoFile(25), mode: 'draft' });
    await inState(engine, id, 'unknown', 3 * 60_000);
    expect(view(engine, id).error?.code).toBe('PROCESSING_TIMEOUT');
  });
});

describe('after a reload', () => {
  it('(a) never inits again for a job whose init outcome is unknown', async () => {
    const transport = new FakeUploadTransport();
    transport.initStep = () => 'hang';
    const first = load({ transport });
    const id = await first.engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST });
    await until(first.engine, () => transport.inits.length === 1);
    unload(first.engine);

    const second = load({ transport, storage: first.storage });
    expect(view(second.engine, id)).toMatchObject({
      state: 'unknown',
      resumable: false,
      error: { code: 'INIT_OUTCOME_UNKNOWN' },
    });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(transport.inits).toHaveLength(1);
    await expect(second.engine.provideFile(id, videoFile(25))).resolves.toMatchObject({ ok: false });
    expect(transport.inits).toHaveLength(1);
  });

  it('(b) continues mid-upload from the next chunk once the same file is chosen again', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(2, 'hang');
    const first = load({ transport });
    const original = videoFile(45);
    const id = await first.engine.enqueue({ file: original, mode: 'draft' });
    await until(first.engine, () => transport.chunkCalls.length === 3);
    unload(first.engine);

    const second = load({ transport, storage: first.storage, getAccessToken: async () => 'token-after-reload' });
    expect(view(second.engine, id)).toMatchObject({
      state: 'needs-file',
      needsFileReason: 'reload-mid-upload',
      resumable: true,
    });
    expect(view(second.engine, id).progress.sentBytes).toBe(20);

    await expect(second.engine.provideFile(id, videoFile(46))).resolves.toMatchObject({
      ok: false,
      reason: expect.stringMatching(/size/),
    });
    await expect(second.engine.provideFile(id, videoFile(45, { seed: 9 }))).resolves.toMatchObject({
      ok: false,
      reason: expect.stringMatching(/content/),
    });
    expect(view(second.engine, id).state).toBe('needs-file');

    await expect(second.engine.provideFile(id, videoFile(45))).resolves.toEqual({ ok: true });
    await inState(second.engine, id, 'processing');
    const afterReload = transport.chunkCalls.slice(3);
    expect(afterReload.map((call) => call.index)).toEqual([2, 3]);
    expect(afterReload.every((call) => call.uploadSession === 'sealed-session-1')).toBe(true);
    expect(afterReload[0]!.accessToken).toBe('token-after-reload');
    const sent = [...transport.chunkCalls.slice(0, 2), ...afterReload].flatMap((call) => Array.from(call.bytes));
    expect(sent).toEqual(await bytesOf(original));
    expect(transport.inits).toHaveLength(1);
  });

  it('(b) after a token refresh, re-binds the session once with the new token and finishes with one init', async () => {
    const transport = new FakeUploadTransport();
    transport.bindSessionsToTokens = true;
    transport.scriptChunk(2, 'hang');
    const first = load({ transport });
    const original = videoFile(45);
    const id = await first.engine.enqueue({ file: original, mode: 'draft' });
    await until(first.engine, () => transport.chunkCalls.length === 3);
    unload(first.engine);

    const second = load({ transport, storage: first.storage, getAccessToken: async () => 'token-refreshed' });
    await expect(second.engine.provideFile(id, videoFile(45))).resolves.toEqual({ ok: true });
    await inState(second.engine, id, 'processing');

    expect(transport.renewals).toEqual([
      { publishId: 'v_pub_file~v2-1.fake1', uploadSession: 'sealed-session-1', accessToken: 'token-refreshed' },
    ]);
    const afterReload = transport.chunkCalls.slice(3).map((call) => [call.index, call.uploadSession]);
    expect(afterReload).toEqual([
      [2, 'sealed-session-1'],
      [2, 'sealed-session-1+token-refreshed'],
      [3, 'sealed-session-1+token-refreshed'],
    ]);
    const sent = [...transport.chunkCalls.slice(0, 2), ...transport.chunkCalls.slice(4)].flatMap((call) =>
      Array.from(call.bytes),
    );
    expect(sent).toEqual(await bytesOf(original));
    expect(transport.inits).toHaveLength(1);
    // Kept, so a further reload does not need to re-bind again.
    expect(stored(second.storage, id)?.upload?.uploadSession).toBe('sealed-session-1+token-refreshed');
  });

  it('(b) fails for good when the proxy refuses to re-bind (another creator signed in)', async () => {
    const transport = new FakeUploadTransport();
    transport.bindSessionsToTokens = true;
    transport.renewStep = () =>
      apiError('UPLOAD_SESSION_INVALID', 403, 'This upload belongs to another TikTok account. Start the upload again.');
    transport.scriptChunk(1, 'hang');
    const first = load({ transport });
    const id = await first.engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await until(first.engine, () => transport.chunkCalls.length === 2);
    unload(first.engine);

    const second = load({ transport, storage: first.storage, getAccessToken: async () => 'someone-else' });
    await second.engine.provideFile(id, videoFile(35));
    await inState(second.engine, id, 'failed');
    expect(view(second.engine, id)).toMatchObject({ resumable: false, error: { code: 'UPLOAD_SESSION_INVALID' } });
    expect(transport.renewals).toHaveLength(1);
    expect(transport.inits).toHaveLength(1);
    expect(transport.chunkCalls.slice(2).map((call) => call.index)).toEqual([1]);
  });

  it('shows a queue only to the creator who made it; another creator in the tab starts empty, and the first keeps theirs', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, 'hang');
    const storage = new MemoryStorage();
    const ava = new UploadEngine({
      transport,
      storage,
      owner: 'open-ava',
      tokens: testTokens(async () => 'token-ava'),
      createId: () => 'job-ava',
    });
    engines.push(ava);
    ava.start();
    await ava.enqueue({ file: videoFile(35), mode: 'draft' });
    await until(ava, () => transport.chunkCalls.length === 2);
    unload(ava);

    const pia = new UploadEngine({
      transport,
      storage,
      owner: 'open-pia',
      tokens: testTokens(async () => 'token-pia'),
    });
    engines.push(pia);
    expect(pia.getSnapshot()).toEqual([]);
    unload(pia);
    // Pia's queue is kept apart from Ava's (several accounts can be connected in one tab): Ava's
    // upload waits for her, to be continued once she picks the file again, never initialised twice.
    const again = new UploadEngine({
      transport,
      storage,
      owner: 'open-ava',
      tokens: testTokens(async () => 'token-ava'),
    });
    engines.push(again);
    expect(again.getSnapshot()).toEqual([expect.objectContaining({ id: 'job-ava', state: 'needs-file' })]);
    expect(pia.getSnapshot()).toEqual([]);
    expect(transport.inits).toHaveLength(1);
  });

  it('(b) says "start again" when the upload’s hour ran out', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, 'hang');
    const first = load({ transport });
    const id = await first.engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await until(first.engine, () => transport.chunkCalls.length === 2);
    unload(first.engine);

    vi.setSystemTime(Date.now() + 56 * 60_000);
    const second = load({ transport, storage: first.storage });
    expect(view(second.engine, id)).toMatchObject({
      state: 'failed',
      resumable: false,
      error: { code: 'UPLOAD_SESSION_EXPIRED' },
    });
    expect(transport.inits).toHaveLength(1);
  });

  it('(b) refuses a file chosen after the hour ran out while waiting', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(1, 'hang');
    const first = load({ transport });
    const id = await first.engine.enqueue({ file: videoFile(35), mode: 'draft' });
    await until(first.engine, () => transport.chunkCalls.length === 2);
    unload(first.engine);
    const second = load({ transport, storage: first.storage });
    vi.setSystemTime(Date.now() + 56 * 60_000);
    await expect(second.engine.provideFile(id, videoFile(35))).resolves.toMatchObject({ ok: false });
    expect(view(second.engine, id)).toMatchObject({ state: 'failed', error: { code: 'UPLOAD_SESSION_EXPIRED' } });
  });

  it('(c) resumes status polling of a job past upload', async () => {
    const transport = new FakeUploadTransport();
    const first = load({ transport });
    const id = await first.engine.enqueue({ file: videoFile(25), mode: 'direct', post: POST, creatorUsername: 'ava' });
    await inState(first.engine, id, 'processing');
    unload(first.engine);

    transport.scriptStatus({
      status: 'PUBLISH_COMPLETE',
      failReason: null,
      postIds: ['7412345678901234567'],
      uploadedBytes: 25,
    });
    const second = load({ transport, storage: first.storage });
    expect(view(second.engine, id).state).toBe('processing');
    await inState(second.engine, id, 'published');
    expect(view(second.engine, id).postUrl).toBe('https://www.tiktok.com/@ava/video/7412345678901234567');
    expect(transport.inits).toHaveLength(1);
  });

  it('keeps a job that never started, and starts it once the file is chosen again', async () => {
    const transport = new FakeUploadTransport();
    transport.scriptChunk(0, 'hang');
    const first = load({ transport });
    await first.engine.enqueue({ file: videoFile(25, { name: 'a.mp4' }), mode: 'draft' });
    const waiting = await first.engine.enqueue({ file: videoFile(25, { name: 'b.mp4' }), mode: 'direct', post: POST });
    await until(first.engine, () => transport.chunkCalls.length === 1);
    unload(first.engine);

    const second = load({ transport, storage: first.storage });
    expect(view(second.engine, waiting)).toMatchObject({ state: 'needs-file', needsFileReason: 'reload-before-start' });
    await second.engine.provideFile(waiting, videoFile(25, { name: 'b.mp4' }));
    await inState(second.engine, waiting, 'processing');
    expect(transport.inits.map((request) => request.mode)).toEqual(['draft', 'direct']);
    expect(transport.inits[1]).toMatchObject({ post: POST });
  });
});
