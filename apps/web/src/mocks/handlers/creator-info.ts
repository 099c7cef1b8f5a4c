import { type CreatorInfo, type ErrorBody, endpoints } from '@content-studio/contract';
import { HttpResponse, http } from 'msw';
import { errorBody } from './session';

/**
 * Creators as the sandbox describes them (packages/tiktok-sandbox/src/accounts.ts): Ava is public
 * with every interaction open, Nico has comments off and a 60 s limit, Pia is private (so duet and
 * stitch are off, and her options are Followers/Friends/Only me).
 */
export const mockCreatorInfo: CreatorInfo = {
  nickname: 'Ava Public',
  username: 'ava.creates',
  avatarUrl: 'http://localhost/mock-creator-avatar.png',
  privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  commentDisabled: false,
  duetDisabled: false,
  stitchDisabled: false,
  maxVideoPostDurationSec: 600,
};

export const nicoCreatorInfo: CreatorInfo = {
  ...mockCreatorInfo,
  nickname: 'Nico NoComments',
  username: 'nico.nocomments',
  commentDisabled: true,
  maxVideoPostDurationSec: 60,
};

export const piaCreatorInfo: CreatorInfo = {
  ...mockCreatorInfo,
  nickname: 'Pia Private',
  username: 'pia.private',
  privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  duetDisabled: true,
  stitchDisabled: true,
  maxVideoPostDurationSec: 300,
};

/** A handler answering with `info`, for `server.use(creatorInfoAnswer(piaCreatorInfo))`. */
export function creatorInfoAnswer(info: CreatorInfo) {
  return http.get<never, never, CreatorInfo | ErrorBody>(endpoints.creatorInfo.path, ({ request }) =>
    request.headers.get('authorization')?.startsWith('Bearer ')
      ? HttpResponse.json(info)
      : HttpResponse.json(errorBody('UNAUTHENTICATED', 'Connect your TikTok account to continue.'), { status: 401 }),
  );
}

/** A handler answering with the proxy's error body, e.g. 403 CREATOR_CANNOT_POST. */
export function creatorInfoFailure(
  status: number,
  code: ErrorBody['error']['code'],
  message: string,
  retryable = false,
) {
  return http.get<never, never, ErrorBody>(endpoints.creatorInfo.path, () =>
    HttpResponse.json(errorBody(code, message, retryable), { status }),
  );
}

export const creatorInfoHandlers = [creatorInfoAnswer(mockCreatorInfo)];
