import { endpoints, type SessionGrant } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error';
import { endpointRoute } from '../plugins/app/endpoint';
import type { Sealer } from '../seal/seal';
import type { TikTokClient, TikTokTokenGrant } from '../tiktok';

interface SealedRefresh {
  refreshToken: string;
  openId: string;
}

export interface AuthRouteDeps {
  tiktok: TikTokClient;
  sealer: Sealer;
  now: () => number;
}

/**
 * Sign-in. The browser gets the access token and a *sealed* refresh token: it can
 * ask this proxy to refresh, but a refresh token copied out of the tab is useless anywhere else.
 */
export const authRoutes: FastifyPluginAsync<AuthRouteDeps> = async (fastify, { tiktok, sealer, now }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  function toSessionGrant(grant: TikTokTokenGrant): SessionGrant {
    const sealedRefresh = sealer.seal(
      'refresh-token',
      { refreshToken: grant.refreshToken, openId: grant.openId } satisfies SealedRefresh,
      now() + grant.refreshExpiresIn * 1000,
    );
    return {
      accessToken: grant.accessToken,
      expiresIn: grant.expiresIn,
      openId: grant.openId,
      scopes: grant.scopes,
      sealedRefresh,
      refreshExpiresIn: grant.refreshExpiresIn,
    };
  }

  app.route({
    ...endpointRoute(endpoints.authToken),
    // redirect_uri comes from config inside the client, never from the request
    // (docs/requirements/security-reliability.md#oauth-integrity).
    handler: async (request) => toSessionGrant(await tiktok.exchangeCode(request.body.code)),
  });

  app.route({
    ...endpointRoute(endpoints.authRefresh),
    handler: async (request) => {
      const opened = sealer.unseal<SealedRefresh>('refresh-token', request.body.sealedRefresh);
      if (!opened.ok) {
        throw new AppError('OAUTH_REFRESH_INVALID', 401, 'Your TikTok session has ended. Connect again.');
      }
      return toSessionGrant(await tiktok.refreshAccessToken(opened.value.refreshToken));
    },
  });

  app.route({
    ...endpointRoute(endpoints.authRevoke),
    handler: async (request) => {
      await tiktok.revokeAccessToken(request.accessToken);
      return { revoked: true as const };
    },
  });
};
