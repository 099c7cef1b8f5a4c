import { endpoints } from '@content-studio/contract';
import { queryOptions } from '@tanstack/react-query';
import { authedApiFetch } from '@/lib/api-client';
import { accountAccessTokens } from '../session-refresh';
import { sessionStore } from '../session-store';

export const profileQueries = {
  all: () => ['profile'] as const,
  /**
   * A connected creator (user.info.basic), asked for with that account's own token. Keyed by open
   * id so one account never sees another's profile. Kept in memory only: TikTok's avatar URLs are
   * signed and expire, so they are never written to storage and are fetched again after a while.
   * The display name is remembered with the session, so the account can be named before this
   * answers again (after a reload) and after it has ended.
   */
  me: (openId: string) =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'me', openId] as const,
      queryFn: async ({ signal }) => {
        const profile = await authedApiFetch(endpoints.me, { signal, tokens: accountAccessTokens(openId) });
        sessionStore.label(openId, { displayName: profile.displayName });
        return profile;
      },
      staleTime: 5 * 60_000,
    }),
  /**
   * The account's @username, which only TikTok's creator info carries (user.info.basic has none).
   * Asked once per account and tab, and only to tell several connected accounts apart: once known
   * it is remembered with the session, so TikTok's 20 creator-info calls a minute are not spent
   * on it again. An account that cannot post answers with an error; it is then named without it.
   */
  handle: (openId: string) =>
    queryOptions({
      queryKey: [...profileQueries.all(), 'handle', openId] as const,
      queryFn: async ({ signal }) => {
        const info = await authedApiFetch(endpoints.creatorInfo, { signal, tokens: accountAccessTokens(openId) });
        sessionStore.label(openId, { username: info.username });
        return info.username;
      },
      staleTime: Infinity,
      retry: false,
      retryOnMount: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
};
