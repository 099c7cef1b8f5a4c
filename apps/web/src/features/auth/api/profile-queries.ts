import { endpoints } from '@content-studio/contract';
import { queryOptions } from '@tanstack/react-query';
import { authedApiFetch } from '@/lib/api-client';

export const profileQueries = {
  all: () => ['profile'] as const,
  /**
   * The connected creator (user.info.basic). Keyed by open id so a different account never sees
   * the previous one's profile. Kept in memory only: TikTok's avatar URLs are signed and expire,
   * so they are never written to storage and are fetched again after a while.
   */
  me: (openId: string) =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'me', openId] as const,
      queryFn: ({ signal }) => authedApiFetch(endpoints.me, { signal }),
      staleTime: 5 * 60_000,
    }),
};
