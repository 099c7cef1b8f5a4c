import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';

/** Visible ASCII only: anything else cannot be a TikTok token and must not reach a header we send. */
const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/;

/**
 * The creator's TikTok access token, which the browser keeps in sessionStorage and sends with every
 * call. The proxy holds no session: this header is the whole identity of the request.
 */
export function requireAccessToken(request: FastifyRequest): string {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match?.[1]) {
    throw new AppError('UNAUTHENTICATED', 401, 'Connect your TikTok account to continue.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  return match[1];
}
