import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MIB,
  REDIRECT_URI,
  api,
  consent,
  directBody,
  initDirect,
  putChunk,
  sha256Of,
  signIn,
  tokenRequest,
} from '../test/harness';
import { type Fault, type RunningSandbox, startSandbox } from './index';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ processingDelayMs: 10_000 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.reset();
  token = (await signIn(sb, { account: 'pia' })).access_token;
});

const SIZE = 11 * MIB;
const CHUNK = 5 * MIB;

async function initUpload() {
  return initDirect(
    sb,
    token,
    directBody({ source_info: { video_size: SIZE, chunk_size: CHUNK, total_chunk_count: 2 } }),
  );
}

async function addFault(f: Fault): Promise<Response> {
  return fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(f) });
}

describe('fault kind "status"', () => {
  it('fails upload chunks with the given status without applying them, count times', async () => {
    const { uploadUrl, publishId } = await initUpload();
    expect((await addFault({ target: 'upload', kind: 'status', httpStatus: 503, count: 2 })).status).toBe(201);
    const first = await putChunk(uploadUrl, SIZE, 0, CHUNK);
    expect(first.status).toBe(503);
    expect(JSON.parse(first.text).error.code).toBe('internal_error');
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(503);
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
    // Retrying the same chunk then works and the video stays byte-exact.
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    expect((await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK)).status).toBe(201);
    expect(sb.upload(publishId)?.sha256).toBe(sha256Of(0, SIZE));
    expect(sb.stats().faultsApplied).toBe(2);
  });

  it('fails an init with 500 internal_error and creates no task', async () => {
    sb.injectFault({ target: 'init', kind: 'status', httpStatus: 500 });
    const r = await api(sb, token, '/v2/post/publish/video/init/', directBody());
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('internal_error');
    expect(r.body.error.log_id).toBeTruthy();
    expect(sb.stats().inits.direct).toBe(0);
    expect(sb.stats().requests['POST /v2/post/publish/video/init/']).toBe(1);
    expect((await api(sb, token, '/v2/post/publish/video/init/', directBody())).body.error.code).toBe('ok');
  });

  it('fails token requests in the flat OAuth shape with the real status', async () => {
    const code = (await consent(sb)).get('code') ?? '';
    sb.injectFault({ target: 'token', kind: 'status', httpStatus: 503 });
    const res = await tokenRequest(sb, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'temporarily_unavailable' });
    const retry = await tokenRequest(sb, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(((await retry.json()) as { access_token?: string }).access_token).toMatch(/^act\./);
  });

  it('applies to creator_info, user_info and status independently', async () => {
    sb.injectFault({ target: 'creator_info', kind: 'status', httpStatus: 502 });
    sb.injectFault({ target: 'user_info', kind: 'status', httpStatus: 429 });
    sb.injectFault({ target: 'status', kind: 'status' });
    expect((await api(sb, token, '/v2/user/info/?fields=open_id')).body.error.code).toBe('rate_limit_exceeded');
    expect((await api(sb, token, '/v2/post/publish/creator_info/query/', {})).status).toBe(502);
    const s = await api(sb, token, '/v2/post/publish/status/fetch/', { publish_id: 'x' });
    expect(s.status).toBe(500);
    expect((await api(sb, token, '/v2/user/info/?fields=open_id')).status).toBe(200);
  });
});

describe('fault kind "reset-mid-body"', () => {
  it('cuts an upload after N body bytes; nothing is applied and the retry succeeds', async () => {
    const { uploadUrl, publishId } = await initUpload();
    sb.injectFault({ target: 'upload', kind: 'reset-mid-body', afterBytes: MIB });
    await expect(putChunk(uploadUrl, SIZE, 0, CHUNK)).rejects.toThrow();
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    expect(sb.upload(publishId)?.sha256).toBe(sha256Of(0, CHUNK));
  });

  it('cuts a request with no body at once', async () => {
    sb.injectFault({ target: 'user_info', kind: 'reset-mid-body' });
    await expect(
      fetch(`${sb.url}/v2/user/info/?fields=open_id`, { headers: { authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
  });
});

describe('fault kind "delay"', () => {
  it('holds the answer back but applies the request: a client that times out still created the post', async () => {
    sb.injectFault({ target: 'init', kind: 'delay', ms: 400 });
    const started = Date.now();
    await expect(
      fetch(`${sb.url}/v2/post/publish/video/init/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(directBody()),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(400);
    expect(sb.stats().inits.direct).toBe(1);
  });

  it('delays an upload answer; the chunk counts, so a blind retry gets 416 with the progress', async () => {
    const { uploadUrl, publishId } = await initUpload();
    sb.injectFault({ target: 'upload', kind: 'delay', ms: 200 });
    const started = Date.now();
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const retry = await putChunk(uploadUrl, SIZE, 0, CHUNK);
    expect(retry.status).toBe(416);
    expect(retry.headers['content-range']).toBe(`bytes 0-${CHUNK - 1}/${SIZE}`);
    expect(sb.upload(publishId)?.receivedBytes).toBe(CHUNK);
  });
});

describe('fault kind "stall"', () => {
  it('reads the chunk, never answers and drops the socket after ms; nothing is applied', async () => {
    const { uploadUrl, publishId } = await initUpload();
    sb.injectFault({ target: 'upload', kind: 'stall', ms: 150 });
    const started = Date.now();
    await expect(putChunk(uploadUrl, SIZE, 0, CHUNK)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sb.upload(publishId)?.receivedBytes).toBe(0);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
  });

  it('accepts the whole body before going silent (the client waits for an answer, not for a write)', async () => {
    // Larger than loopback socket buffers, so an unread body would block the client's writes.
    const size = 48 * MIB;
    const { uploadUrl } = await initDirect(
      sb,
      token,
      directBody({ source_info: { video_size: size, chunk_size: size, total_chunk_count: 1 } }),
    );
    sb.injectFault({ target: 'upload', kind: 'stall', ms: 800 });
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      const req = request(uploadUrl, {
        method: 'PUT',
        headers: {
          'content-type': 'video/mp4',
          'content-length': String(size),
          'content-range': `bytes 0-${size - 1}/${size}`,
        },
      });
      req.on('finish', () => events.push('body sent'));
      req.on('response', () => events.push('answered'));
      req.on('error', () => {
        events.push('socket closed');
        resolve();
      });
      const piece = Buffer.alloc(MIB, 1);
      const write = async (): Promise<void> => {
        for (let sent = 0; sent < size; sent += MIB) {
          if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      };
      void write();
    });
    expect(events).toEqual(['body sent', 'socket closed']);
  });

  it('without ms hangs until the client gives up', async () => {
    sb.injectFault({ target: 'status', kind: 'stall' });
    const outcome = await new Promise<string>((resolve) => {
      const req = request(`${sb.url}/v2/post/publish/status/fetch/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      req.setTimeout(200, () => {
        req.destroy();
        resolve('client timeout');
      });
      req.on('response', () => resolve('answered'));
      req.on('error', () => undefined);
      req.end(JSON.stringify({ publish_id: 'x' }));
    });
    expect(outcome).toBe('client timeout');
  });
});

describe('upload-only faults', () => {
  it('range-mismatch answers 416 with the real progress and applies nothing', async () => {
    const { uploadUrl, publishId } = await initUpload();
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(206);
    sb.injectFault({ target: 'upload', kind: 'range-mismatch' });
    const r = await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK);
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes 0-${CHUNK - 1}/${SIZE}`);
    expect(sb.upload(publishId)?.receivedBytes).toBe(CHUNK);
    expect((await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK)).status).toBe(201);
  });

  it('expire-url makes this and every later PUT answer 403', async () => {
    const { uploadUrl } = await initUpload();
    sb.injectFault({ target: 'upload', kind: 'expire-url' });
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(403);
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(403);
  });

  it('refuses upload-only kinds for other targets, and delay without ms', async () => {
    expect((await addFault({ target: 'init', kind: 'range-mismatch' })).status).toBe(400);
    expect((await addFault({ target: 'token', kind: 'expire-url' })).status).toBe(400);
    expect((await addFault({ target: 'upload', kind: 'delay' })).status).toBe(400);
    expect((await addFault({ target: 'nowhere', kind: 'status' } as unknown as Fault)).status).toBe(400);
    expect(() => sb.injectFault({ target: 'init', kind: 'expire-url' })).toThrow(/invalid fault/);
  });
});

describe('fault queue', () => {
  it('lists, consumes in order per target, and clears', async () => {
    await addFault({ target: 'upload', kind: 'status', httpStatus: 500 });
    await addFault({ target: 'init', kind: 'status', httpStatus: 502, count: 3 });
    const listed = (await (await fetch(`${sb.url}/__sandbox/faults`)).json()) as {
      pending: Array<{ target: string; remaining: number }>;
    };
    expect(listed.pending.map((p) => [p.target, p.remaining])).toEqual([
      ['upload', 1],
      ['init', 3],
    ]);
    expect((await api(sb, token, '/v2/post/publish/video/init/', directBody())).status).toBe(502);
    const cleared = await fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ pending: [] });
    expect((await api(sb, token, '/v2/post/publish/video/init/', directBody())).status).toBe(200);
  });
});

describe('hooks', () => {
  it('GET /__sandbox/uploads/:publishId reports the task; 404 for an unknown one', async () => {
    const { publishId, uploadUrl } = await initUpload();
    await putChunk(uploadUrl, SIZE, 0, CHUNK);
    const res = await fetch(`${sb.url}/__sandbox/uploads/${encodeURIComponent(publishId)}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      publishId,
      status: 'PROCESSING_UPLOAD',
      videoSize: SIZE,
      receivedBytes: CHUNK,
      sha256: sha256Of(0, CHUNK),
      mode: 'direct',
      postInfo: directBody().post_info,
      sourceInfo: { source: 'FILE_UPLOAD', video_size: SIZE, chunk_size: CHUNK, total_chunk_count: 2 },
    });
    expect((report.chunks as unknown[]).length).toBe(1);
    expect((await fetch(`${sb.url}/__sandbox/uploads/v_pub_file~v2-1.0`)).status).toBe(404);
  });

  it('GET /__sandbox/stats counts requests per endpoint, token exchanges and inits', async () => {
    await api(sb, token, '/v2/user/info/?fields=open_id');
    await api(sb, token, '/v2/user/info/?fields=nope');
    await initUpload();
    const stats = (await (await fetch(`${sb.url}/__sandbox/stats`)).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ tokenExchanges: 1, inits: { direct: 1, inbox: 0 } });
    expect((stats.requests as Record<string, number>)['GET /v2/user/info/']).toBe(2);
    expect((stats.requests as Record<string, number>)['POST /v2/oauth/token/']).toBe(1);
  });

  it('POST /__sandbox/options changes tunables and validates them', async () => {
    const ava = (await signIn(sb, { account: 'ava' })).access_token;
    const publicPost = directBody({ post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' } });
    expect((await api(sb, ava, '/v2/post/publish/video/init/', publicPost)).status).toBe(403);
    const res = await fetch(`${sb.url}/__sandbox/options`, { method: 'POST', body: JSON.stringify({ audited: true }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { options: { audited: boolean } }).options.audited).toBe(true);
    expect((await api(sb, ava, '/v2/post/publish/video/init/', publicPost)).status).toBe(200);
    const bad = await fetch(`${sb.url}/__sandbox/options`, {
      method: 'POST',
      body: JSON.stringify({ clientSecret: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(() => sb.setOptions({ processingDelayMs: -1 })).toThrow(/invalid options/);
  });

  it('POST /__sandbox/clock moves time for tokens and upload URLs', async () => {
    const { uploadUrl } = await initUpload();
    await fetch(`${sb.url}/__sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 3_600_000 }) });
    expect((await putChunk(uploadUrl, SIZE, 0, CHUNK)).status).toBe(403);
    sb.advanceClock(3_600_000);
    expect((await api(sb, token, '/v2/user/info/?fields=open_id')).status).toBe(401);
  });

  it('POST /__sandbox/reset forgets tokens, tasks, faults, stats and option changes', async () => {
    const { publishId } = await initUpload();
    sb.setOptions({ audited: true });
    sb.injectFault({ target: 'user_info', kind: 'status' });
    const res = await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(sb.upload(publishId)).toBeUndefined();
    expect(sb.stats()).toMatchObject({ tokenExchanges: 0, inits: { direct: 0, inbox: 0 }, requests: {} });
    const r = await api(sb, token, '/v2/user/info/?fields=open_id');
    expect(r.status).toBe(401); // the token is gone, and the fault did not fire
    const info = (await (await fetch(`${sb.url}/__sandbox/`)).json()) as { options: { audited: boolean } };
    expect(info.options.audited).toBe(false);
  });

  it('GET /__sandbox/ describes the sandbox without its secret', async () => {
    const text = await (await fetch(`${sb.url}/__sandbox/`)).text();
    const info = JSON.parse(text) as Record<string, unknown>;
    expect(info).toMatchObject({ url: sb.url, authorizeUrl: sb.authorizeUrl, clientKey: sb.clientKey });
    expect(text).not.toContain(sb.clientSecret);
  });

  it('serves avatars and profiles only for known accounts; unknown hooks are 404', async () => {
    // Avatars load only through the signed links user info and creator info hand out.
    expect((await fetch(`${sb.url}/__sandbox/avatars/sb-open-ava.svg`)).status).toBe(403);
    expect((await fetch(`${sb.url}/__sandbox/avatars/sb-open-nobody.svg`)).status).toBe(404);
    expect((await fetch(`${sb.url}/__sandbox/profiles/sb-open-ava`)).status).toBe(200);
    expect((await fetch(`${sb.url}/__sandbox/nothing`)).status).toBe(404);
  });

  it('keeps a complete upload in PROCESSING_UPLOAD for processingDelayMs', async () => {
    const { uploadUrl, publishId } = await initUpload();
    await putChunk(uploadUrl, SIZE, 0, CHUNK);
    await putChunk(uploadUrl, SIZE, CHUNK, SIZE - CHUNK);
    await new Promise((r) => setTimeout(r, 100));
    expect(sb.upload(publishId)).toMatchObject({ complete: true, status: 'PROCESSING_UPLOAD' });
  });
});
