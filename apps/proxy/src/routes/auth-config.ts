import { endpoints, REQUESTED_SCOPES } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { endpointRoute } from '../plugins/app/endpoint';

/** Public facts the SPA needs to start TikTok's consent flow. Nothing secret: the key is public. */
export const authConfigRoutes: FastifyPluginAsync<{ config: Config }> = async (fastify, { config }) => {
  fastify.withTypeProvider<ZodTypeProvider>().route({
    ...endpointRoute(endpoints.authConfig),
    handler: async () => ({
      authorizeUrl: config.tiktok.authUrl,
      clientKey: config.tiktok.clientKey,
      redirectUri: config.tiktok.redirectUri,
      scopes: [...REQUESTED_SCOPES],
      appAudited: config.tiktok.appAudited,
    }),
  });
};
