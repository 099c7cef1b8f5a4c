import { PublishIdSchema, routePatterns, type PublishStatus } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../errors/validation';
import { requireAccessToken } from '../plugins/app/bearer';
import { TIKTOK_LIMITS } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';

const ParamsSchema = z.object({ publishId: PublishIdSchema });

export const postsRoutes: FastifyPluginAsync<{ tiktok: TikTokClient }> = async (app, { tiktok }) => {
  app.get(
    routePatterns.postStatus,
    { config: TIKTOK_LIMITS.status },
    async (request, reply): Promise<PublishStatus> => {
      const { publishId } = parseOrThrow(ParamsSchema, request.params, 'publish id');
      reply.header('cache-control', 'no-store');
      return tiktok.fetchPublishStatus(requireAccessToken(request), publishId);
    },
  );
};
