import { Agent, type Dispatcher } from 'undici';

export type { Dispatcher as TikTokDispatcher } from 'undici';

/**
 * The production connection pool to TikTok. Keep-alive saves a TLS handshake per chunk; redirects are
 * never followed (undici's Agent does not, and we add no redirect interceptor).
 */
export function createTikTokDispatcher(): Dispatcher {
  return new Agent({ keepAliveTimeout: 10_000, connections: 64, connect: { timeout: 10_000 } });
}
