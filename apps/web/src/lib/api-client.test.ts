import {
  CLIENT_HEADER,
  HealthResponseSchema,
  ProfileSchema,
  apiRoutes,
  type ErrorBody,
} from '@content-studio/contract';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/mocks/node';
import { mockProfile } from '@/mocks/handlers/profile';
import { apiFetch } from './api-client';
import { ApiError } from './api-error';

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
