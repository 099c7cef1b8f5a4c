import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';
import { hashAccessToken } from '../../upload/upload-session';

/** Coarse per-IP ceiling for everything; per-token limits below mirror TikTok's own. */
const PER_IP_PER_MINUTE = 600;

/**
 * Requests without a token are keyed by IP. The token is hashed so the limiter's memory never holds
 * a credential. Limits are per instance: TikTok enforces the real ones; ours answer early and
 * cheaply (with Retry-After) instead of spending TikTok's quota on a request bound to fail.
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

export async function registerRateLimits(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: true,
    max: PER_IP_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 429, 'Too many requests. Wait a minute and try again.', {
        retryable: true,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
}
