import { CLIENT_HEADER, UPLOAD_SESSION_HEADER, type ErrorBody, endpoints } from '@content-studio/contract';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '@/mocks/node';
import { mockProfile } from '@/mocks/handlers/profile';
import { apiFetch, parseRetryAfter } from './api-client';
import { ApiError } from './api-error';
import { appQueryClient } from './query-client';

async function catchApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('apiFetch', () => {
  it('parses a success body with the contract schema', async () => {
    await expect(apiFetch(endpoints.health)).resolves.toEqual({ status: 'ok' });
    await expect(apiFetch(endpoints.me, { accessToken: 'act.token' })).resolves.toEqual(mockProfile);
  });

  it('turns the contract error body into an ApiError with its code, message and retryability', async () => {
    server.use(
      http.get<never, never, ErrorBody>(endpoints.me.path, () =>
        HttpResponse.json(
          {
            error: {
              code: 'TIKTOK_TOKEN_INVALID',
              message: 'Your TikTok session has ended. Connect again.',
              retryable: false,
              tiktokLogId: 'log-123',
            },
          },
          { status: 401 },
        ),
      ),
    );

    const error = await catchApiError(apiFetch(endpoints.me, { accessToken: 'act.token' }));

    expect(error.code).toBe('TIKTOK_TOKEN_INVALID');
    expect(error.message).toBe('Your TikTok session has ended. Connect again.');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(error.tiktokLogId).toBe('log-123');
  });

  it('turns a non-JSON 502 into a retryable UPSTREAM_UNAVAILABLE', async () => {
    server.use(
      http.get(
        endpoints.me.path,
        () =>
          new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );

    const error = await catchApiError(apiFetch(endpoints.me, { accessToken: 'act.token' }));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/can't reach/);
  });

  it('does not trust a JSON error body that breaks the contract', async () => {
    server.use(http.get(endpoints.me.path, () => HttpResponse.json({ message: 'nope' }, { status: 504 })));

    const error = await catchApiError(apiFetch(endpoints.me, { accessToken: 'act.token' }));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.retryable).toBe(true);
  });

  it('rejects a success body the contract does not describe', async () => {
    server.use(http.get(endpoints.me.path, () => HttpResponse.json({ displayName: 42 })));

    const error = await catchApiError(apiFetch(endpoints.me, { accessToken: 'act.token' }));

    expect(error.code).toBe('INTERNAL');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(200);
  });

  it('reports a network failure as UPSTREAM_UNAVAILABLE with status 0', async () => {
    server.use(http.get(endpoints.health.path, () => HttpResponse.error()));

    const error = await catchApiError(apiFetch(endpoints.health));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(true);
  });

  it('sends the method, JSON body, bearer token and client header of the endpoint’s entry', async () => {
    const request = { mode: 'draft', videoSize: 9, mimeType: 'video/mp4' } as const;
    const answer = {
      publishId: 'v_pub_file~v2-1.1',
      uploadSession: 'v1.sealed',
      videoSize: 9,
      chunkSize: 9,
      chunkCount: 1,
      expiresAt: 1,
      uploadHost: 'upload.example',
    };
    let seen:
      { method: string; auth: string | null; client: string | null; type: string | null; body: unknown } | undefined;
    server.use(
      http.post(endpoints.uploads.path, async ({ request: sent }) => {
        seen = {
          method: sent.method,
          auth: sent.headers.get('authorization'),
          client: sent.headers.get(CLIENT_HEADER),
          type: sent.headers.get('content-type'),
          body: await sent.json(),
        };
        return HttpResponse.json(answer, { status: 201 });
      }),
    );

    await expect(apiFetch(endpoints.uploads, { body: request, accessToken: 'act.token' })).resolves.toEqual(answer);

    expect(seen).toEqual({
      method: 'POST',
      auth: 'Bearer act.token',
      client: '1',
      type: 'application/json',
      body: request,
    });
  });

  it('fills the path parameters and sends the headers the entry names', async () => {
    let seen: { path: string; session: string | null } | undefined;
    server.use(
      http.post(endpoints.uploadSession.path, ({ request }) => {
        seen = { path: new URL(request.url).pathname, session: request.headers.get(UPLOAD_SESSION_HEADER) };
        return HttpResponse.json({ uploadSession: 'v1.renewed', expiresAt: 5 });
      }),
    );

    await apiFetch(endpoints.uploadSession, {
      params: { publishId: 'v_pub_file~v2-1.7' },
      headers: { [UPLOAD_SESSION_HEADER]: 'v1.sealed' },
      accessToken: 'act.token',
    });

    expect(seen).toEqual({ path: '/api/v1/uploads/v_pub_file~v2-1.7/session', session: 'v1.sealed' });
  });

  it('prefixes the configured API base URL', async () => {
    server.use(http.get('https://api.example.test/healthz', () => HttpResponse.json({ status: 'ok' })));

    await expect(apiFetch(endpoints.health, { baseUrl: 'https://api.example.test' })).resolves.toEqual({
      status: 'ok',
    });
  });

  it('lets an abort through untouched instead of calling it a server failure', async () => {
    const controller = new AbortController();
    controller.abort();

    const outcome = await apiFetch(endpoints.health, { signal: controller.signal }).catch((error: unknown) => error);

    expect(outcome).not.toBeInstanceOf(ApiError);
    expect((outcome as Error).name).toBe('AbortError');
  });
});

describe('Retry-After', () => {
  afterEach(() => vi.useRealTimers());

  it("is read off a retryable answer, with or without the proxy's error body", async () => {
    server.use(
      http.get(endpoints.me.path, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMITED', message: 'Too many requests.', retryable: true } },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
      ),
      http.get(
        endpoints.health.path,
        () => new HttpResponse('busy', { status: 503, headers: { 'retry-after': '12' } }),
      ),
    );

    expect(await catchApiError(apiFetch(endpoints.me, { accessToken: 'act.token' }))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 7_000,
    });
    expect(await catchApiError(apiFetch(endpoints.health))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfterMs: 12_000,
    });
  });

  it('parses seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("holds back the app's query retries until the server's wait is over", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    server.use(
      http.get(endpoints.health.path, () => {
        calls++;
        return calls === 1
          ? new HttpResponse('busy', { status: 503, headers: { 'retry-after': '20' } })
          : HttpResponse.json({ status: 'ok' });
      }),
    );
    const query = appQueryClient().fetchQuery({
      queryKey: ['health'],
      queryFn: () => apiFetch(endpoints.health),
    });

    // React Query alone would have tried again within a few seconds.
    await vi.advanceTimersByTimeAsync(19_900);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(query).resolves.toEqual({ status: 'ok' });
    expect(calls).toBe(2);
  });
});
