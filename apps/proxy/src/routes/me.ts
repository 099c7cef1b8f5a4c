import { endpoints } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpointRoute } from '../plugins/app/endpoint';
import { TIKTOK_LIMITS } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';

/** Who is connected (user.info.basic only) and what they may post: thin pass-throughs to TikTok. */
export const meRoutes: FastifyPluginAsync<{ tiktok: TikTokClient }> = async (fastify, { tiktok }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...endpointRoute(endpoints.me),
    handler: async (request) => tiktok.fetchUserInfo(request.accessToken),
  });

  // Fetched fresh every time the compose screen opens (docs/requirements/tiktok-rules.md#latest-creator-info); never
  // cached here.
  app.route({
    ...endpointRoute(endpoints.creatorInfo, { config: TIKTOK_LIMITS.creatorInfo }),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return tiktok.queryCreatorInfo(request.accessToken);
    },
  });
};
