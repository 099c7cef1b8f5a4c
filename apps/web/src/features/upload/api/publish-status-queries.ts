import { queryOptions } from '@tanstack/react-query';
import { fetchPublishStatus } from './http-upload-transport';

/**
 * TikTok's processing status of one publish id. The upload queue polls on its own schedule (shared
 * 30/min budget, backoff, persisted across reloads) and writes each answer under this key, so any
 * screen reading `publishStatusQueries.detail(id)` sees it without asking TikTok again.
 */
export const publishStatusQueries = {
  all: () => ['videos', 'status'] as const,
  detail: (publishId: string, getAccessToken?: () => Promise<string>) =>
    queryOptions({
      queryKey: [...publishStatusQueries.all(), publishId] as const,
      queryFn: async ({ signal }) => {
        if (!getAccessToken) throw new Error('publishStatusQueries.detail needs getAccessToken to fetch.');
        return fetchPublishStatus(publishId, { accessToken: await getAccessToken(), signal });
      },
      // The queue keeps this fresh while it matters; readers should not add requests of their own.
      staleTime: 5_000,
      enabled: getAccessToken !== undefined,
    }),
};
