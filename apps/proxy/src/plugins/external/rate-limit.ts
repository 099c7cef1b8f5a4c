import rateLimit from '@fastify/rate-limit';
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

/** TikTok: init 6/min, creator_info 20/min, status 30/min per access token (api-spec §3.11). */
export const TIKTOK_LIMITS = {
  init: perTokenLimit(6),
  creatorInfo: perTokenLimit(20),
  status: perTokenLimit(30),
  // A 4 GiB video is ~410 chunks of 10 MiB; this only stops a runaway client.
  chunk: perTokenLimit(600),
} as const;

export interface RateLimitBackend {
  metrics: ProxyMetrics;
  /** Shared counters for all instances; without it each instance counts alone. */
  redisUrl: string | undefined;
}

export async function registerRateLimits(app: FastifyInstance, backend: RateLimitBackend) {
  const { metrics } = backend;
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
    errorResponseBuilder: (request, context) => {
      metrics.rateLimitRefusals.inc({ route: request.routeOptions.url ?? 'unmatched' });
      return new AppError('RATE_LIMITED', 429, 'Too many requests. Wait a minute and try again.', {
        retryable: true,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      });
    },
  });
}
