import rateLimit from '@fastify/rate-limit';
import type { UploadMode } from '@content-studio/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';
import type { ProxyMetrics } from '../../metrics/metrics';
import { hashAccessToken } from '../../upload/upload-session';
import { createSharedLimitStore } from './rate-limit-store';

/** Coarse per-IP ceiling for everything; per-token limits below mirror TikTok's own. */
const PER_IP_PER_MINUTE = 600;

/**
 * Requests without a token are keyed by IP. The token is hashed so the limiter's memory never holds
 * a credential. TikTok enforces the real limits; ours answer early and cheaply (with Retry-After)
 * instead of spending TikTok's quota on a request bound to fail. They are per instance unless
 * RATE_LIMIT_REDIS_URL names a shared store (rate-limit-store.ts).
 */
function tokenKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? `t:${hashAccessToken(header.slice(7))}` : `ip:${request.ip}`;
}

export function perTokenLimit(max: number) {
  return { rateLimit: { max, timeWindow: 60_000, keyGenerator: tokenKey } };
}

/** TikTok: creator_info 20/min, status 30/min per access token; init: see `InitRateLimit`. */
export const TIKTOK_LIMITS = {
  creatorInfo: perTokenLimit(20),
  status: perTokenLimit(30),
  // A 4 GiB video is ~410 chunks of 10 MiB; this only stops a runaway client.
  chunk: perTokenLimit(600),
} as const;

function rateLimited(ttlMs: number): AppError {
  return new AppError('RATE_LIMITED', 429, 'Too many requests. Wait a minute and try again.', {
    retryable: true,
    headers: { 'retry-after': String(Math.max(1, Math.ceil(ttlMs / 1000))) },
  });
}

/**
 * Counts one init of `mode` against the caller's token, or throws RATE_LIMITED. TikTok's Direct Post
 * and Upload references each give their init endpoint its own "6 requests per minute per user access
 * token", so the two modes are counted apart, and the one-shot and resumable routes share them (the
 * one-shot route learns the mode only from its first multipart fields, hence a call, not a route
 * option). Should TikTok count both endpoints together after all, its 429 reaches the client as
 * RATE_LIMITED just the same.
 */
export type InitRateLimit = (request: FastifyRequest, mode: UploadMode) => Promise<void>;

export interface RateLimitBackend {
  metrics: ProxyMetrics;
  /** Shared counters for all instances; without it each instance counts alone. */
  redisUrl: string | undefined;
}

export async function registerRateLimits(app: FastifyInstance, backend: RateLimitBackend): Promise<InitRateLimit> {
  const { metrics } = backend;
  const refused = (request: FastifyRequest, ttlMs: number) => {
    metrics.rateLimitRefusals.inc({ route: request.routeOptions.url ?? 'unmatched' });
    return rateLimited(ttlMs);
  };
  const shared = backend.redisUrl
    ? await createSharedLimitStore(backend.redisUrl, app.log, () => metrics.rateLimitStoreFallbacks.inc())
    : undefined;
  if (shared) {
    app.addHook('onReady', () => shared.connect());
    app.addHook('onClose', async () => shared.close());
  }
  await app.register(rateLimit, {
    ...(shared ? { store: shared.Store } : {}),
    global: true,
    max: PER_IP_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (request, context) => refused(request, context.ttl),
  });
  const perMode = (mode: UploadMode) =>
    app.createRateLimit({ max: 6, timeWindow: 60_000, keyGenerator: (request) => `${tokenKey(request)}:init:${mode}` });
  const limiters: Record<UploadMode, ReturnType<typeof perMode>> = {
    direct: perMode('direct'),
    draft: perMode('draft'),
  };
  return async (request, mode) => {
    const result = await limiters[mode](request);
    if (!result.isAllowed && result.isExceeded) throw refused(request, result.ttl);
  };
}
