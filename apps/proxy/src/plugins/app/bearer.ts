import type { EndpointSpec } from '@content-studio/contract';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../../errors/app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** From the endpoint table: `bearer` routes get the hook below. */
    auth?: EndpointSpec['auth'];
  }
  interface FastifyRequest {
    /**
     * The creator's TikTok access token, on routes whose endpoint says `auth: 'bearer'` (elsewhere
     * ''). The browser keeps it in sessionStorage and sends it with every call; the proxy holds no
     * session: this header is the whole identity of the request.
     */
    accessToken: string;
  }
}

/** Visible ASCII only: anything else cannot be a TikTok token and must not reach a header we send. */
const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/;

function bearerToken(request: FastifyRequest): string {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match?.[1]) {
    throw new AppError('UNAUTHENTICATED', 401, 'Connect your TikTok account to continue.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  return match[1];
}

const authenticate: onRequestHookHandler = async (request) => {
  request.accessToken = bearerToken(request);
};

/**
 * Gives every `auth: 'bearer'` route an onRequest hook that refuses a request without a well-formed
 * bearer token before its body is read, and hands the token to the handler as `request.accessToken`.
 * Registered after the rate limits, whose hooks are added the same way: a flood of made-up tokens is
 * still counted per IP before it is refused.
 */
export function registerBearerAuth(app: FastifyInstance): void {
  app.decorateRequest('accessToken', '');
  app.addHook('onRoute', (route) => {
    if (route.config?.auth !== 'bearer') return;
    const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [...existing, authenticate];
  });
}
