import {
  REQUESTED_SCOPES,
  type AuthConfig,
  type ErrorBody,
  type RefreshRequest,
  type RevokeResponse,
  type SessionGrant,
  type TokenExchangeRequest,
  endpoints,
} from '@content-studio/contract';
import { HttpResponse, http } from 'msw';

export const mockAuthConfig: AuthConfig = {
  authorizeUrl: 'http://localhost:4010/v2/auth/authorize/',
  clientKey: 'sandbox-client-key',
  redirectUri: 'http://localhost:3000/auth/callback',
  scopes: [...REQUESTED_SCOPES],
  appAudited: true,
};

/** What the proxy answers to a code exchange or a refresh; tests override fields with `server.use`. */
export function mockGrant(overrides: Partial<SessionGrant> = {}): SessionGrant {
  return {
    accessToken: 'act.mock-access-token',
    expiresIn: 7200,
    openId: 'open-id-mock-creator',
    scopes: [...REQUESTED_SCOPES],
    sealedRefresh: 'sealed.mock-refresh-token',
    refreshExpiresIn: 15_552_000,
    ...overrides,
  };
}

export function errorBody(code: ErrorBody['error']['code'], message: string, retryable = false): ErrorBody {
  return { error: { code, message, retryable } };
}

export const sessionHandlers = [
  http.get<never, never, AuthConfig>(endpoints.authConfig.path, () => HttpResponse.json(mockAuthConfig)),
  http.post<never, TokenExchangeRequest, SessionGrant>(endpoints.authToken.path, () => HttpResponse.json(mockGrant())),
  http.post<never, RefreshRequest, SessionGrant | ErrorBody>(endpoints.authRefresh.path, async ({ request }) => {
    const { sealedRefresh } = await request.json();
    // Rotation, as TikTok does it: every refresh hands out a new sealed refresh token.
    return HttpResponse.json(
      mockGrant({ accessToken: `act.refreshed-from-${sealedRefresh}`, sealedRefresh: `${sealedRefresh}+1` }),
    );
  }),
  http.post<never, never, RevokeResponse | ErrorBody>(endpoints.authRevoke.path, ({ request }) =>
    request.headers.get('authorization')?.startsWith('Bearer ')
      ? HttpResponse.json({ revoked: true })
      : HttpResponse.json(errorBody('UNAUTHENTICATED', 'Connect your TikTok account to continue.'), { status: 401 }),
  ),
];
