import {
  CLIENT_HEADER,
  HealthResponseSchema,
  ProfileSchema,
  apiRoutes,
  type ErrorBody,
} from '@content-studio/contract';
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
    await expect(apiFetch(apiRoutes.health, HealthResponseSchema)).resolves.toEqual({ status: 'ok' });
    await expect(apiFetch(apiRoutes.me, ProfileSchema, { accessToken: 'act.token' })).resolves.toEqual(mockProfile);
  });

  it('turns the contract error body into an ApiError with its code, message and retryability', async () => {
    server.use(
      http.get<never, never, ErrorBody>(apiRoutes.me, () =>
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

    const error = await catchApiError(apiFetch(apiRoutes.me, ProfileSchema));

    expect(error.code).toBe('TIKTOK_TOKEN_INVALID');
    expect(error.message).toBe('Your TikTok session has ended. Connect again.');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(error.tiktokLogId).toBe('log-123');
  });

  it('turns a non-JSON 502 into a retryable UPSTREAM_UNAVAILABLE', async () => {
    server.use(
      http.get(
        apiRoutes.me,
        () =>
          new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );

    const error = await catchApiError(apiFetch(apiRoutes.me, ProfileSchema));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/can't reach/);
  });

  it('does not trust a JSON error body that breaks the contract', async () => {
    server.use(http.get(apiRoutes.me, () => HttpResponse.json({ message: 'nope' }, { status: 504 })));

    const error = await catchApiError(apiFetch(apiRoutes.me, ProfileSchema));

    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.retryable).toBe(true);
  });

  it('rejects a success body the contract does not describe', async () => {
    server.use(http.get(apiRoutes.me, () => HttpResponse.json({ displayName: 42 })));

    const error = await catchApiError(apiFetch(apiRoutes.me, ProfileSchema));

    expect(error.code).toBe('INTERNAL');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(200);
  });

  it('reports a network failure as UPSTREAM_UNAVAILABLE with status 0', async () => {
    server.use(http.get(apiRoutes.health, () => HttpResponse.error()));

    const error = await catchApiError(apiFetch(apiRoutes.health, HealthResponseSchema));

    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(true);
  });

  it('sends JSON, the bearer token and the client header on mutating requests', async () => {
    let seen: { auth: string | null; client: string | null; type: string | null; body: unknown } | undefined;
    server.use(
      http.post(apiRoutes.authRevoke, async ({ request }) => {
        seen = {
          auth: request.headers.get('authorization'),
          client: request.headers.get(CLIENT_HEADER),
          type: request.headers.get('content-type'),
          body: await request.json(),
        };
        return HttpResponse.json({ status: 'ok' });
      }),
    );

    await apiFetch(apiRoutes.authRevoke, HealthResponseSchema, {
      method: 'POST',
      json: { hello: 'proxy' },
      accessToken: 'act.token',
    });

    expect(seen).toEqual({
      auth: 'Bearer act.token',
      client: '1',
      type: 'application/json',
      body: { hello: 'proxy' },
    });
  });

  it('prefixes the configured API base URL', async () => {
    server.use(http.get('https://api.example.test/healthz', () => HttpResponse.json({ status: 'ok' })));

    await expect(
      apiFetch(apiRoutes.health, HealthResponseSchema, { baseUrl: 'https://api.example.test' }),
    ).resolves.toEqual({ status: 'ok' });
  });

  it('lets an abort through untouched instead of calling it a server failure', async () => {
    const controller = new AbortController();
    controller.abort();

    const outcome = await apiFetch(apiRoutes.health, HealthResponseSchema, {
      signal: controller.signal,
    }).catch((error: unknown) => error);

    expect(outcome).not.toBeInstanceOf(ApiError);
    expect((outcome as Error).name).toBe('AbortError');
  });
});

describe('Retry-After', () => {
  afterEach(() => vi.useRealTimers());

  it("is read off a retryable answer, with or without the proxy's error body", async () => {
    server.use(
      http.get(apiRoutes.me, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMITED', message: 'Too many requests.', retryable: true } },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
      ),
      http.get(apiRoutes.health, () => new HttpResponse('busy', { status: 503, headers: { 'retry-after': '12' } })),
    );

    expect(await catchApiError(apiFetch(apiRoutes.me, ProfileSchema))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 7_000,
    });
    expect(await catchApiError(apiFetch(apiRoutes.health, HealthResponseSchema))).toMatchObject({
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
      http.get(apiRoutes.health, () => {
        calls++;
        return calls === 1
          ? new HttpResponse('busy', { status: 503, headers: { 'retry-after': '20' } })
          : HttpResponse.json({ status: 'ok' });
      }),
    );
    const query = appQueryClient().fetchQuery({
      queryKey: ['health'],
      queryFn: () => apiFetch(apiRoutes.health, HealthResponseSchema),
    });

    // React Query alone would have tried again within a few seconds.
    await vi.advanceTimersByTimeAsync(19_900);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(query).resolves.toEqual({ status: 'ok' });
    expect(calls).toBe(2);
  });
});
