import { MockAgent, type Interceptable } from 'undici';
import type { TikTokClientOptions } from '../src/tiktok';

/**
 * undici MockAgent stand-in for TikTok (msw cannot intercept undici). Net connect is disabled, so a
 * request nobody mocked fails loudly instead of reaching the internet.
 */

/**
 * Canary credentials: tests assert that none of them ever appears in an error, a response or a log.
 * Each is distinctive enough to be found by a plain substring search.
 */
export const TIKTOK_CANARIES = {
  clientSecret: 'canary-tt-client-secret-4b1d',
  accessToken: 'act.canary-tt-access-token-9e2f',
  refreshToken: 'rft.canary-tt-refresh-token-c7a0',
  code: 'canary-tt-auth-code-51d3',
  uploadToken: 'canary-tt-upload-token-e8b6',
} as const;

const TIKTOK_TEST_ORIGINS = {
  api: 'https://open.tiktokapis.com',
  upload: 'https://open-upload.tiktokapis.com',
} as const;

export const TEST_REDIRECT_URI = 'https://studio.example.com/auth/callback';
export const TEST_CLIENT_KEY = 'sbawtestclientkey';

/** An upload URL shaped like TikTok's, carrying the canary upload token. */
export function testUploadUrl(origin: string = TIKTOK_TEST_ORIGINS.upload): string {
  return `${origin}/video/?upload_id=67890&upload_token=${TIKTOK_CANARIES.uploadToken}`;
}

export interface TikTokMock {
  agent: MockAgent;
  /** Interceptors for `open.tiktokapis.com` (OAuth, Display, Content Posting). */
  api: Interceptable;
  /** Interceptors for `open-upload.tiktokapis.com` (chunk PUTs). */
  upload: Interceptable;
  close(): Promise<void>;
}

export function createTikTokMock(): TikTokMock {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return {
    agent,
    api: agent.get(TIKTOK_TEST_ORIGINS.api),
    upload: agent.get(TIKTOK_TEST_ORIGINS.upload),
    close: () => agent.close(),
  };
}

/** Client options wired to the mock, with the canary client secret. */
export function testClientOptions(
  mock: Pick<TikTokMock, 'agent'>,
  overrides: Partial<TikTokClientOptions> = {},
): TikTokClientOptions {
  return {
    dispatcher: mock.agent,
    apiBaseUrl: TIKTOK_TEST_ORIGINS.api,
    clientKey: TEST_CLIENT_KEY,
    clientSecret: TIKTOK_CANARIES.clientSecret,
    redirectUri: TEST_REDIRECT_URI,
    uploadOrigins: [TIKTOK_TEST_ORIGINS.upload],
    ...overrides,
  };
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
export const REPLY_JSON = { headers: JSON_HEADERS };

export const TEST_LOG_ID = '202409110000000000000000TESTLOG';

/** A v2 success envelope. */
export function okEnvelope(data: unknown): string {
  return JSON.stringify({ data, error: { code: 'ok', message: '', log_id: TEST_LOG_ID } });
}

/** A v2 error envelope, e.g. `errorEnvelope('spam_risk_too_many_posts')`. */
export function errorEnvelope(code: string, message = '', logId = TEST_LOG_ID): string {
  return JSON.stringify({ data: {}, error: { code, message, log_id: logId } });
}

/** TikTok's flat OAuth error. */
export function oauthError(error: string, description = '', logId = TEST_LOG_ID): string {
  return JSON.stringify({ error, error_description: description, log_id: logId });
}

/** TikTok's flat token response (no `data` wrapper). */
export function tokenResponse(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    access_token: TIKTOK_CANARIES.accessToken,
    expires_in: 7200,
    open_id: 'afd97af1-b87b-48b9-ac98-410aghda5344',
    refresh_expires_in: 15_552_000,
    refresh_token: TIKTOK_CANARIES.refreshToken,
    scope: 'user.info.basic,video.publish,video.upload',
    token_type: 'Bearer',
    ...overrides,
  });
}

export function creatorInfoData(overrides: Record<string, unknown> = {}) {
  return {
    creator_avatar_url: 'https://p16.tiktokcdn.example/avatar.jpeg',
    creator_username: 'studio_creator',
    creator_nickname: 'Studio Creator',
    privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: true,
    max_video_post_duration_sec: 300,
    ...overrides,
  };
}

export function initUploadData(uploadUrl: string = testUploadUrl()) {
  return { publish_id: 'v_pub_file~v2-1.123456789', upload_url: uploadUrl };
}
