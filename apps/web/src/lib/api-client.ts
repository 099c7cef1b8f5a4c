import {
  CLIENT_HEADER,
  endpointPath,
  ErrorBodySchema,
  type EndpointSpec,
  type PathParams,
} from '@content-studio/contract';
import type { z } from 'zod';
import { env } from '@/config/env';
import { registeredAccessTokens, type AccessTokenSource } from './access-token-source';
import { ApiError, isApiError } from './api-error';
import { t } from './i18n';

/** What one call of an endpoint fills in; which parts it needs follows from the endpoint's entry. */
export type ApiCall<E extends EndpointSpec> = {
  signal?: AbortSignal | undefined;
  /** Overrides `VITE_API_BASE_URL`; '' means the page's own origin. */
  baseUrl?: string;
} & (E extends { params: z.ZodObject } ? { params: PathParams<E> } : unknown) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown) &
  (E extends { headers: infer H extends z.ZodObject } ? { headers?: z.input<H> } : unknown) &
  // The creator's TikTok access token, sent as a bearer token; `authedApiFetch` supplies it.
  (E extends { auth: 'bearer' } ? { accessToken: string } : unknown);

/** The body an endpoint answers with, as its contract schema parses it. */
export type ApiAnswer<E extends EndpointSpec> = z.output<E['response']['schema']>;

/** The call's options may be left out when the endpoint needs none. */
type CallArgs<C> = object extends C ? [call?: C] : [call: C];

type ApiRequest = {
  params?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  accessToken?: string;
  signal?: AbortSignal | undefined;
  baseUrl?: string;
};

/**
 * Calls one endpoint of the contract's table (method, path, body, answer schema all from its entry)
 * and returns the body parsed with the entry's schema. Any failure, including a body the contract does
 * not describe, becomes an {@link ApiError}; an abort is rethrown untouched so React Query can tell
 * cancellation from failure.
 */
export async function apiFetch<E extends EndpointSpec>(
  endpoint: E,
  ...[call]: CallArgs<ApiCall<E>>
): Promise<ApiAnswer<E>> {
  const { params, body: json, accessToken, signal, baseUrl = env.apiBaseUrl } = (call ?? {}) as ApiRequest;
  const { method } = endpoint;
  const headers = new Headers({ accept: 'application/json' });
  for (const [name, value] of Object.entries((call as ApiRequest | undefined)?.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  if (json !== undefined) headers.set('content-type', 'application/json');
  if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
  // The proxy requires this header on mutating requests: it forces a CORS preflight, so another
  // site cannot fire a "simple" cross-site POST at it.
  if (method !== 'GET') headers.set(CLIENT_HEADER, '1');
  const path = endpointPath(endpoint, params as PathParams<E> | undefined);

  let response: Response;
  try {
    response = await fetch(resolveUrl(baseUrl, path), {
      method,
      headers,
      body: json === undefined ? null : JSON.stringify(json),
      signal: signal ?? null,
      credentials: 'omit',
    });
  } catch (error) {
    // Cancellation is not a failure: let the caller (React Query) see its own abort.
    if (signal?.aborted) throw error;
    throw new ApiError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: t('api.unreachable'),
      status: 0,
      retryable: true,
      cause: error,
    });
  }

  const body = await readJson(response);
  if (!response.ok) throw errorFromResponse(response, body);

  const parsed = endpoint.response.schema.safeParse(body.ok ? body.value : undefined);
  if (!parsed.success) {
    // A 2xx the contract does not describe means the SPA and proxy disagree: retrying won't help.
    throw new ApiError({
      code: 'INTERNAL',
      message: t('api.notUnderstood'),
      status: response.status,
      retryable: false,
      cause: parsed.error,
    });
  }
  return parsed.data as ApiAnswer<E>;
}

/** An authed call's options: the endpoint's own, and whose token to send. */
export type AuthedApiCall<E extends EndpointSpec> = Omit<ApiCall<E>, 'accessToken'> & {
  /** The account the call is made as; the tab's registered source (the active account) by default. */
  tokens?: AccessTokenSource;
};

/**
 * {@link apiFetch} as a connected creator: attaches `Authorization: Bearer` from the account's
 * session (refreshing it first when due) and reports a 401 back to it so that session can end.
 */
export async function authedApiFetch<E extends EndpointSpec & { auth: 'bearer' }>(
  endpoint: E,
  ...[call]: CallArgs<AuthedApiCall<E>>
): Promise<ApiAnswer<E>> {
  const { tokens = registeredAccessTokens, ...rest } = (call ?? {}) as AuthedApiCall<E>;
  return withAccessToken(tokens, (accessToken) =>
    apiFetch(endpoint, ...([{ ...rest, accessToken }] as unknown as CallArgs<ApiCall<E>>)),
  );
}

/**
 * The one way to a call as the creator: a token valid now from `source` (a clear UNAUTHENTICATED
 * when there is none), and a 401 reported back to it, so the session ends the same way whichever
 * call was refused.
 */
export async function withAccessToken<T>(
  source: AccessTokenSource,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const accessToken = await source.getAccessToken();
  if (!accessToken) throw signedOutError();
  return reportingRejection(source, accessToken, call);
}

/**
 * A call with a token the caller already holds (the upload engine's chunks carry the token their
 * session was sealed for), with a 401 reported back like {@link withAccessToken} does.
 */
export async function reportingRejection<T>(
  source: AccessTokenSource,
  accessToken: string,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(accessToken);
  } catch (error) {
    if (isApiError(error) && error.status === 401) source.rejected(accessToken, error);
    throw error;
  }
}

export function signedOutError(): ApiError {
  return new ApiError({
    code: 'UNAUTHENTICATED',
    message: t('api.signedOut'),
    status: 401,
    retryable: false,
  });
}

function resolveUrl(baseUrl: string, path: string): string {
  // Absolute even for the same origin, so the request does not depend on how a given fetch
  // implementation resolves relative URLs.
  return new URL(`${baseUrl}${path}`, window.location.origin).toString();
}

type JsonRead = { ok: true; value: unknown } | { ok: false };

async function readJson(response: Response): Promise<JsonRead> {
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) return { ok: false };
  try {
    return { ok: true, value: await response.json() };
  } catch {
    return { ok: false };
  }
}

function errorFromResponse(response: Response, body: JsonRead): ApiError {
  return errorFromBody(response.status, body.ok ? body.value : undefined, response.headers.get('retry-after'));
}

/**
 * The one translation of a failed proxy answer into an {@link ApiError}: the contract's error body
 * when there is one, else the status alone, with the answer's Retry-After so that whoever tries
 * again (React Query, the upload engine) waits at least that long. Shared with the upload
 * feature's XHR transport.
 */
export function errorFromBody(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const parsed = body === undefined ? undefined : ErrorBodySchema.safeParse(body);
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (parsed?.success) {
    const { code, message, retryable, tiktokLogId, uploadedBytes } = parsed.data.error;
    return new ApiError({
      code,
      message,
      status,
      retryable,
      tiktokLogId,
      uploadedBytes,
      retryAfterMs,
      fromServer: true,
    });
  }
  const bare = errorFromStatus(status);
  if (retryAfterMs === undefined) return bare;
  const { code, message, retryable } = bare;
  return new ApiError({ code, message, status, retryable, retryAfterMs });
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * For answers that are not the proxy's error body: a load balancer's HTML 502, a platform
 * timeout page, a proxy crash. The status is all we have, so map it to the closest stable code.
 */
function errorFromStatus(status: number): ApiError {
  switch (status) {
    case 502:
    case 503:
      return new ApiError({ code: 'UPSTREAM_UNAVAILABLE', message: t('api.unreachable'), status, retryable: true });
    case 504:
      return new ApiError({
        code: 'UPSTREAM_TIMEOUT',
        message: t('api.timeout'),
        status,
        retryable: true,
      });
    case 401:
      return new ApiError({
        code: 'UNAUTHENTICATED',
        message: t('api.unauthenticated'),
        status,
        retryable: false,
      });
    case 404:
      return new ApiError({
        code: 'NOT_FOUND',
        message: t('api.notFound'),
        status,
        retryable: false,
      });
    case 413:
      return new ApiError({
        code: 'PAYLOAD_TOO_LARGE',
        message: t('api.tooLarge'),
        status,
        retryable: false,
      });
    case 429:
      return new ApiError({
        code: 'RATE_LIMITED',
        message: t('api.rateLimited'),
        status,
        retryable: true,
      });
    default:
      return new ApiError({
        code: 'INTERNAL',
        message: t('api.serverError'),
        status,
        retryable: status >= 500,
      });
  }
}
