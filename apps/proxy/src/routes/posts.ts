import { endpoints } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpointRoute } from '../plugins/app/endpoint';
import { TIKTOK_LIMITS } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';

export const postsRoutes: FastifyPluginAsync<{ tiktok: TikTokClient }> = async (fastify, { tiktok }) => {
  fastify.withTypeProvider<ZodTypeProvider>().route({
    ...endpointRoute(endpoints.postStatus, { config: TIKTOK_LIMITS.status }),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return tiktok.fetchPublishStatus(request.accessToken, request.params.publishId);
    },
  });
};
