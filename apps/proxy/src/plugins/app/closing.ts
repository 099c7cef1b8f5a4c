import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';

/**
 * While the proxy shuts down (SIGTERM: in-flight chunks may finish for SHUTDOWN_GRACE_MS), a new
 * request that still arrives on a kept-alive connection is refused with the contract's error body,
 * retryable, so the SPA tries again and reaches another instance. Fastify's own `return503OnClosing`
 * would answer with its default body, which clients of this API cannot read.
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (!closing) return;
    throw new AppError('SERVICE_OVERLOADED', 503, 'This server is restarting. Please try again in a moment.', {
      retryable: true,
      headers: { 'retry-after': '5', connection: 'close' },
    });
  });
}
