import { CLIENT_HEADER } from '@content-studio/contract';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mutating requests must carry `x-content-studio`. Browsers only send a custom header after a CORS
 * preflight, which foreign origins fail, so a hostile page cannot fire a simple cross-site POST (a
 * form or `no-cors` fetch) at the proxy even though we use no cookies today.
 */
export function requireClientHeader(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (MUTATING.has(request.method) && request.headers[CLIENT_HEADER] === undefined) {
      throw new AppError('VALIDATION_FAILED', 400, `Mutating requests must send the ${CLIENT_HEADER} header.`);
    }
  });
}
