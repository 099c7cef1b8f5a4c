import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { setAccessTokenSource } from '@/lib/access-token-source';
import { isApiError } from '@/lib/api-error';

// The api client (lib) may not import a feature, so the app tells it where access tokens come
// from. Loaded on the first authed call, not with the landing page; idempotent, so tests and
// StrictMode can import this module as often as they like.
setAccessTokenSource(async () => (await import('@/features/auth/session-refresh')).sessionAccessTokens);

/** The app's one QueryClient. Tests pass their own, with retries off. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The proxy says whether a failure is worth retrying; a rejected token or a bad request
        // will fail the same way again, so only retry what it marks retryable.
        retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.retryable),
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

export type AppProviderProps = {
  children: ReactNode;
  queryClient?: QueryClient;
};

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
