import underPressure from '@fastify/under-pressure';
import { apiRoutes, routePatterns } from '@content-studio/contract';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';

export interface PressureOptions {
  /** Mean event-loop delay (ms) above which new work is refused. */
  maxEventLoopDelayMs?: number;
  /** Extra health signal (tests use it to force overload); sampled every `healthCheckIntervalMs`. */
  healthCheck?: () => Promise<boolean>;
  healthCheckIntervalMs?: number;
}

/** Requests that continue work already accepted: refusing them would waste the bytes sent so far. */
const CONTINUING = new Set<string>([routePatterns.uploadChunk, routePatterns.postStatus, apiRoutes.health]);

/**
 * An overloaded instance (docs/requirements/security-reliability.md#overload) says so early (503 + Retry-After, before reading a body) so Render's
 * load balancer and the browser's backoff move new work elsewhere, while chunks of uploads that are
 * already running keep going.
 */
export async function registerUnderPressure(app: FastifyInstance, options: PressureOptions = {}) {
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs ?? 1000,
    retryAfter: 10,
    ...(options.healthCheck
      ? { healthCheck: options.healthCheck, healthCheckInterval: options.healthCheckIntervalMs ?? 1000 }
      : {}),
    pressureHandler: async (request) => {
      if (CONTINUING.has(request.routeOptions.url ?? '')) return;
      throw new AppError('SERVICE_OVERLOADED', 503, 'The service is busy. Try again in a few seconds.', {
        retryable: true,
        headers: { 'retry-after': '10' },
      });
    },
  });
}
