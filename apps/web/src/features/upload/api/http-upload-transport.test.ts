import { UPLOAD_SESSION_HEADER, type ErrorBody, endpoints, endpointPath } from '@content-studio/contract';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { isApiError } from '@/lib/api-error';
import { mockUploadSession, MOCK_POST_ID } from '@/mocks/handlers/uploads';
import { server } from '@/mocks/node';
import { videoFile } from '../testing/fake-upload-transport';
import { ApiError } from '@/lib/api-error';
import { createHttpUploadTransport } from './http-upload-transport';

const transport = createHttpUploadTransport('');
const context = () => ({ accessToken: 'act.token', signal: new AbortController().signal });

describe('the HTTP transport', () => {
  it('inits through the proxy and gets a plan', async () => {
    const created = await transport.init(
      { mode: 'draft', videoSize: 70 * 1024 * 1024, mimeType: 'video/mp4' },
      context(),
    );
    expect(created).toMatchObject({ videoSize: 70 * 1024 * 1024, chunkSize: 10 * 1024 * 1024, chunkCount: 7 });
  });

  it('sends the preferred chunk size, and the plan answered follows it as the proxy fits it', async () => {
    const created = await transport.init(
      { mode: 'draft', videoSize: 200 * 1024 * 1024, mimeType: 'video/mp4', preferredChunkSize: 64_000_000 },
      context(),
    );
    expect(created).toMatchObject({ chunkSize: 64_000_000, chunkCount: 3 });
  });

  it('PUTs exactly the chunk bytes with the session and client headers, reporting progress', async () => {
    let seen: { headers: Record<string, string | null>; bytes: number[] } | undefined;
    server.use(
      http.put(endpoints.uploadChunk.path, async ({ request, params }) => {
        seen = {
          headers: {
            authorization: request.headers.get('authorization'),
            session: request.headers.get(UPLOAD_SESSION_HEADER),
            type: request.headers.get('content-type'),
            client: request.headers.get('x-content-studio'),
          },
          bytes: Array.from(new Uint8Array(await request.arrayBuffer())),
        };
        return HttpResponse.json({ chunkIndex: Number(params.index), uploadedBytes: 20, complete: false });
      }),
    );
    const file = videoFile(30);
    const progress: number[] = [];
    const answer = await transport.putChunk(
      {
        publishId: 'v_pub_file~v2-1.abc',
        uploadSession: 'sealed',
        index: 1,
        body: file.slice(10, 20),
        accessToken: 'act.token',
      },
      (loaded) => progress.push(loaded),
      new AbortController().signal,
    );
    expect(answer).toEqual({ chunkIndex: 1, uploadedBytes: 20, complete: false });
    expect(seen?.headers).toEqual({
      authorization: 'Bearer act.token',
      session: 'sealed',
      type: 'application/octet-stream',
      client: '1',
    });
    expect(seen?.bytes).toEqual(Array.from(new Uint8Array(await file.slice(10, 20).arrayBuffer())));
    expect(progress.at(-1)).toBe(10);
  });

  it('re-binds a session with the current token, sending the session in its header', async () => {
    let seen: Record<string, string | null> | undefined;
    server.use(
      http.post(endpoints.uploadSession.path, ({ request, params }) => {
        seen = {
          publishId: String(params.publishId),
          authorization: request.headers.get('authorization'),
          session: request.headers.get(UPLOAD_SESSION_HEADER),
          client: request.headers.get('x-content-studio'),
        };
        return HttpResponse.json({ uploadSession: 'sealed-for-new-token', expiresAt: 1_800_000_000_000 });
      }),
    );
    const renewed = await transport.renewSession(
      { publishId: 'v_pub_file~v2-1.abc', uploadSession: 'sealed-old' },
      context(),
    );
    expect(renewed).toEqual({ uploadSession: 'sealed-for-new-token', expiresAt: 1_800_000_000_000 });
    expect(seen).toEqual({
      publishId: 'v_pub_file~v2-1.abc',
      authorization: 'Bearer act.token',
      session: 'sealed-old',
      client: '1',
    });
  });

  it("turns the proxy's error body into an ApiError with Retry-After", async () => {
    server.use(
      http.put(endpoints.uploadChunk.path, () =>
        HttpResponse.json<ErrorBody>(
          { error: { code: 'RATE_LIMITED', message: 'Too many requests.', retryable: true, tiktokLogId: 'log-1' } },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      ),
    );
    const error = await transport
      .putChunk(
        { publishId: 'p', uploadSession: 's', index: 0, body: videoFile(5), accessToken: 't' },
        () => undefined,
        new AbortController().signal,
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryable: true,
      tiktokLogId: 'log-1',
      retryAfterMs: 3_000,
    });
  });

  it('maps a non-JSON gateway page by its status', async () => {
    server.use(
      http.put(
        endpoints.uploadChunk.path,
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const error = await transport
      .putChunk(
        { publishId: 'p', uploadSession: 's', index: 0, body: videoFile(5), accessToken: 't' },
        () => undefined,
        new AbortController().signal,
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502, retryable: true });
  });

  it('reports a dropped connection as status 0, retryable', async () => {
    server.use(http.put(endpoints.uploadChunk.path, () => HttpResponse.error()));
    const error = await transport
      .putChunk(
        { publishId: 'p', uploadSession: 's', index: 0, body: videoFile(5), accessToken: 't' },
        () => undefined,
        new AbortController().signal,
      )
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && { code: error.code, status: error.status, retryable: error.retryable }).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 0,
      retryable: true,
    });
  });

  it('aborts the XHR when the signal fires, rejecting with its reason', async () => {
    server.use(
      http.put(endpoints.uploadChunk.path, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = transport.putChunk(
      { publishId: 'p', uploadSession: 's', index: 0, body: videoFile(5), accessToken: 't' },
      () => undefined,
      controller.signal,
    );
    const reason = new Error('stalled');
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });

  it('reads the status of a post, with its id as a string', async () => {
    const status = await transport.status('v_pub_file~v2-1.mock.direct.1', context());
    expect(status).toEqual({ status: 'PUBLISH_COMPLETE', failReason: null, postIds: [MOCK_POST_ID], uploadedBytes: 0 });
  });

  it('the mock proxy refuses a chunk of the wrong length, as the real one does', async () => {
    const session = mockUploadSession({ videoSize: 30, chunkSize: 10, chunkCount: 3 });
    const error = await transport
      .putChunk(
        { publishId: 'p', uploadSession: session, index: 0, body: videoFile(9), accessToken: 't' },
        () => undefined,
        new AbortController().signal,
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VIDEO_SIZE_MISMATCH', status: 400 });
    expect(endpointPath(endpoints.uploadChunk, { publishId: 'p', index: 0 })).toBe('/api/v1/uploads/p/chunks/0');
  });
});
