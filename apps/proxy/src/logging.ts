import type { FastifyServerOptions } from 'fastify';

/**
 * Paths pino replaces before a line is written. Tokens, codes and upload URLs are credentials
 * (an upload URL carries its upload_token), so they never reach a log, whatever the log level.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  // Plugins log request headers under their own keys (@fastify/multipart's busboyOptions at trace).
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-upload-session"]',
  'req.headers.cookie',
  'req.headers["x-upload-session"]',
  'res.headers["set-cookie"]',
  '*.accessToken',
  '*.refreshToken',
  '*.sealedRefresh',
  '*.uploadSession',
  '*.uploadUrl',
  '*.code',
  '*.clientSecret',
  '*.access_token',
  '*.refresh_token',
  '*.upload_url',
  '*.client_secret',
];

interface RawRequestLike {
  method: string;
  url: string;
  ip?: string;
}

export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The default serializer logs the full URL and headers; a query string or header may carry a
      // credential, so only the method and path are kept.
      req(request: RawRequestLike) {
        return { method: request.method, path: request.url.split('?')[0], ip: request.ip };
      },
    },
  };
}
