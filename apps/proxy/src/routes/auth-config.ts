import { apiRoutes, REQUESTED_SCOPES, type AuthConfig } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';

/** Public facts the SPA needs to start TikTok's consent flow. Nothing secret: the key is public. */
export const authConfigRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  app.get(apiRoutes.authConfig, async (): Promise<AuthConfig> => ({
    authorizeUrl: config.tiktok.authUrl,
    clientKey: config.tiktok.clientKey,
    redirectUri: config.tiktok.redirectUri,
    scopes: [...REQUESTED_SCOPES],
    appAudited: config.tiktok.appAudited,
  }));
};
