import { endpoints } from '@content-studio/contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';

export const authConfigQueries = {
  all: () => ['auth-config'] as const,
  /** TikTok's sign-in settings, from the proxy (ADR 003). They change only with a deploy. */
  detail: () =>
    queryOptions({
      queryKey: authConfigQueries.all(),
      queryFn: ({ signal }) => apiFetch(endpoints.authConfig, { signal }),
      staleTime: Infinity,
    }),
};
