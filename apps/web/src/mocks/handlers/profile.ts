import { type ErrorBody, type Profile, endpoints } from '@content-studio/contract';
import { HttpResponse, http } from 'msw';
import { errorBody } from './session';

/** A creator as the sandbox would describe them; only `user.info.basic` fields exist. */
export const mockProfile: Profile = {
  openId: 'open-id-mock-creator',
  unionId: 'union-id-mock-creator',
  displayName: 'Mock Creator',
  avatarUrl: 'http://localhost/mock-avatar.png',
};

export const profileHandlers = [
  http.get<never, never, Profile | ErrorBody>(endpoints.me.path, ({ request }) =>
    request.headers.get('authorization')?.startsWith('Bearer ')
      ? HttpResponse.json(mockProfile)
      : HttpResponse.json(errorBody('UNAUTHENTICATED', 'Connect your TikTok account to continue.'), { status: 401 }),
  ),
];
