import { apiRoutes, type CreatorInfo, type Profile } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import { requireAccessToken } from '../plugins/app/bearer';
import { TIKTOK_LIMITS } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';

/** Who is connected (user.info.basic only) and what they may post: thin pass-throughs to TikTok. */
export const meRoutes: FastifyPluginAsync<{ tiktok: TikTokClient }> = async (app, { tiktok }) => {
  app.get(apiRoutes.me, async (request): Promise<Profile> => tiktok.fetchUserInfo(requireAccessToken(request)));

  // Fetched fresh every time the compose screen opens (docs/requirements/tiktok-rules.md#latest-creator-info); never
  // cached here.
  app.get(
    apiRoutes.creatorInfo,
    { config: TIKTOK_LIMITS.creatorInfo },
    async (request, reply): Promise<CreatorInfo> => {
      reply.header('cache-control', 'no-store');
      return tiktok.queryCreatorInfo(requireAccessToken(request));
    },
  );
};
