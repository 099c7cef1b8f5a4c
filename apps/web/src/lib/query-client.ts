import { QueryClient } from '@tanstack/react-query';
import { isApiError, retryAfterOf } from './api-error';

/** Tests make their own, with retries off (see `setAppQueryClient`). */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The proxy says whether a failure is worth retrying; a rejected token or a bad request
        // will fail the same way again, so only retry what it marks retryable.
        retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.retryable),
        // React Query's own backoff, but never sooner than the server's Retry-After (a 429 or 503).
        retryDelay: (failureCount, error) => Math.max(Math.min(1000 * 2 ** failureCount, 30_000), retryAfterOf(error)),
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

let current: QueryClient | undefined;

/**
 * The page's one QueryClient. Made on first use (the studio, or a click on Connect TikTok) rather
 * than at start, because react-query is not part of the landing page's first download (issue 7);
 * only modules that load lazily may import this one.
 */
export function appQueryClient(): QueryClient {
  current ??= createQueryClient();
  return current;
}

/** Tests only: a client per test, so no cache is shared between tests; undefined to forget it. */
export function setAppQueryClient(client: QueryClient | undefined): void {
  current = client;
}
