import { endpoints } from '@content-studio/contract';
import { queryOptions } from '@tanstack/react-query';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { authedApiFetch } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';

export const creatorInfoQueries = {
  all: () => ['creator-info'] as const,
  /**
   * What TikTok lets this creator do right now: privacy options, interaction settings, the longest
   * video. TikTok's audit requires the LATEST creator info each time the posting screen is shown
   * (TikTok's Content Sharing Guidelines), so nothing is cached: every mount fetches, and the data goes as soon as the
   * screen does. Keyed by open id, and asked for with that account's own token, so one account
   * never sees another's options.
   *
   * Window focus does not refetch: a creator switching to their editor and back would otherwise
   * spend TikTok's 20 calls a minute and could see the form change under them. The composer asks
   * again right before posting instead.
   */
  forCreator: (openId: string, tokens: AccessTokenSource) =>
    queryOptions({
      queryKey: [...creatorInfoQueries.all(), openId] as const,
      queryFn: ({ signal }) => authedApiFetch(endpoints.creatorInfo, { signal, tokens }),
      staleTime: 0,
      gcTime: 0,
      refetchOnMount: 'always',
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // A passing failure (network, 5xx) is worth one more try; TikTok's rate limit is per minute,
      // so trying again a second later would only spend another call.
      retry: (failureCount, error) =>
        failureCount < 2 && isApiError(error) && error.retryable && error.code !== 'RATE_LIMITED',
    }),
};
