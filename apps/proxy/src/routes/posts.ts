import { routePatterns, type PublishStatus } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../errors/validation';
import { requireAccessToken } from '../plugins/app/bearer';
import { TIKTOK_LIMITS } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';

/** TikTok documents publish ids as ≤ 64 characters, e.g. `v_pub_file~v2-1.123`. */
const ParamsSchema = z.object({ publishId: z.string().regex(/^[\w.~-]{1,64}$/) });

export const postsRoutes: FastifyPluginAsync<{ tiktok: TikTokClient }> = async (app, { tiktok }) => {
  app.get(routePatterns.postStatus, { config: TIKTOK_LIMITS.status }, async (request, reply): Promise<PublishStatus> => {
    const { publishId } = parseOrThrow(ParamsSchema, request.params, 'publish id');
    reply.header('cache-control', 'no-store');
    return tiktok.fetchPublishStatus(requireAccessToken(request), publishId);
  });
};
