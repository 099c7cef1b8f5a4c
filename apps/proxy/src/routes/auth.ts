import {
  apiRoutes,
  RefreshRequestSchema,
  TokenExchangeRequestSchema,
  type RevokeResponse,
  type SessionGrant,
} from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/validation';
import { requireAccessToken } from '../plugins/app/bearer';
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
export const authRoutes: FastifyPluginAsync<AuthRouteDeps> = async (app, { tiktok, sealer, now }) => {
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

  app.post(apiRoutes.authToken, async (request): Promise<SessionGrant> => {
    const { code } = parseOrThrow(TokenExchangeRequestSchema, request.body, 'sign-in request');
    // redirect_uri comes from config inside the client, never from the request
    // (docs/requirements/security-reliability.md#oauth-integrity).
    return toSessionGrant(await tiktok.exchangeCode(code));
  });

  app.post(apiRoutes.authRefresh, async (request): Promise<SessionGrant> => {
    const { sealedRefresh } = parseOrThrow(RefreshRequestSchema, request.body, 'refresh request');
    const opened = sealer.unseal<SealedRefresh>('refresh-token', sealedRefresh);
    if (!opened.ok) {
      throw new AppError('OAUTH_REFRESH_INVALID', 401, 'Your TikTok session has ended. Connect again.');
    }
    return toSessionGrant(await tiktok.refreshAccessToken(opened.value.refreshToken));
  });

  app.post(apiRoutes.authRevoke, async (request): Promise<RevokeResponse> => {
    await tiktok.revokeAccessToken(requireAccessToken(request));
    return { revoked: true };
  });
};
