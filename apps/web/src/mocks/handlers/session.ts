import {
  REQUESTED_SCOPES,
  apiRoutes,
  type AuthConfig,
  type Profile,
} from '@content-studio/contract';
import { HttpResponse, http } from 'msw';

/** A creator as the sandbox would describe them; only `user.info.basic` fields exist. */
export const mockProfile: Profile = {
  openId: 'open-id-mock-creator',
  unionId: 'union-id-mock-creator',
  displayName: 'Mock Creator',
  avatarUrl: 'http://localhost/mock-avatar.png',
};

export const mockAuthConfig: AuthConfig = {
  authorizeUrl: 'http://localhost:4010/v2/auth/authorize/',
  clientKey: 'sandbox-client-key',
  redirectUri: 'http://localhost:3000/auth/callback',
  scopes: [...REQUESTED_SCOPES],
};

export const sessionHandlers = [
  http.get<never, never, AuthConfig>(apiRoutes.authConfig, () => HttpResponse.json(mockAuthConfig)),
  http.get<never, never, Profile>(apiRoutes.me, () => HttpResponse.json(mockProfile)),
];
