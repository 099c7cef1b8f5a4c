import { inspect } from 'node:util';
import { postSettings } from '@content-studio/contract/testing';
import type { Interceptable } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  REPLY_JSON,
  TEST_CLIENT_KEY,
  TEST_LOG_ID,
  TEST_REDIRECT_URI,
  TIKTOK_CANARIES,
  createTikTokMock,
  creatorInfoData,
  errorEnvelope,
  initUploadData,
  oauthError,
  okEnvelope,
  testClientOptions,
  testUploadUrl,
  tokenResponse,
  type TikTokMock,
} from '../../test/tiktok-mock';
import { toAppError } from '../errors/from-tiktok';
import { createTikTokClient, type TikTokClient } from './tiktok-client';
import { TikTokApiError, TikTokOAuthError, TikTokProtocolError, TikTokTransferError } from './tiktok-errors';
import { UploadUrlNotAllowedError } from './upload-origin';

/** What MockAgent hands a reply callback. */
interface Captured {
  path: string;
  method: string;
  headers?: unknown;
  body?: unknown;
}

const { accessToken, refreshToken, code: authCode, clientSecret, uploadToken } = TIKTOK_CANARIES;

/** Registers a one-shot interceptor that records the request it answers. */
function answer(
  pool: Interceptable,
  match: { path: string; method: string },
  statusCode: number,
  data: string,
  headers: Record<string, string> = REPLY_JSON.headers,
): Captured[] {
  const seen: Captured[] = [];
  pool.intercept(match).reply((opts) => {
    seen.push(opts);
    return { statusCode, data, responseOptions: { headers } };
  });
  return seen;
}

function only(seen: Captured[]): Captured {
  expect(seen).toHaveLength(1);
  return seen[0] as Captured;
}

function headersOf(request: Captured): Record<string, string> {
  return Object.fromEntries(
    Object.entries((request.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
}

function formOf(request: Captured): Record<string, string> {
  expect(typeof request.body).toBe('string');
  return Object.fromEntries(new URLSearchParams(request.body as string));
}

function jsonOf(request: Captured): unknown {
  expect(typeof request.body).toBe('string');
  return JSON.parse(request.body as string) as unknown;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

const TOKEN = { path: '/v2/oauth/token/', method: 'POST' };
const REVOKE = { path: '/v2/oauth/revoke/', method: 'POST' };
const USER_INFO = { path: '/v2/user/info/?fields=open_id,union_id,avatar_url,display_name', method: 'GET' };
const CREATOR_INFO = { path: '/v2/post/publish/creator_info/query/', method: 'POST' };
const VIDEO_INIT = { path: '/v2/post/publish/video/init/', method: 'POST' };
const INBOX_INIT = { path: '/v2/post/publish/inbox/video/init/', method: 'POST' };
const STATUS = { path: '/v2/post/publish/status/fetch/', method: 'POST' };

const POST = postSettings({
  title: 'First light #sunrise @friend',
  privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
  allowComment: true,
  brandOrganic: true,
  isAigc: true,
  coverTimestampMs: 1000,
});
const PLAN = { videoSize: 50_000_123, chunkSize: 10_000_000, chunkCount: 5 };

/** A status/fetch answer with `data` as raw JSON text, so 19-digit ids stay raw integers. */
function statusBody(data: string): string {
  return `{"data":${data},"error":{"code":"ok","message":"","log_id":"${TEST_LOG_ID}"}}`;
}

async function* pieces(total: number, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += size) yield new Uint8Array(Math.min(size, total - sent));
}

let mock: TikTokMock;
let client: TikTokClient;

beforeEach(() => {
  mock = createTikTokMock();
  client = createTikTokClient(testClientOptions(mock));
});

afterEach(async () => {
  mock.agent.assertNoPendingInterceptors();
  await mock.close();
});

describe('createTikTokClient', () => {
  it.each([
    { apiBaseUrl: 'http://open.tiktokapis.com' },
    { apiBaseUrl: 'not a url' },
    { apiBaseUrl: 'https://user:pw@open.tiktokapis.com' },
    { clientSecret: '' },
    { clientKey: '' },
    { redirectUri: '' },
    { uploadOrigins: [] },
    { uploadOrigins: ['http://open-upload.tiktokapis.com'] },
    { timeouts: { headersMs: 0 } },
  ])('refuses bad options %o without echoing secrets', (override) => {
    let thrown: unknown;
    try {
      createTikTokClient(testClientOptions(mock, override));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(String(thrown)).not.toContain(clientSecret);
  });

  it('accepts a loopback http base URL with a path prefix (the local sandbox)', async () => {
    const sandbox = mock.agent.get('http://127.0.0.1:4010');
    const seen = answer(sandbox, { path: '/tiktok/v2/oauth/revoke/', method: 'POST' }, 200, '{}');
    const local = createTikTokClient(testClientOptions(mock, { apiBaseUrl: 'http://127.0.0.1:4010/tiktok/' }));
    await local.revokeAccessToken(accessToken);
    expect(seen).toHaveLength(1);
  });
});

describe('exchangeCode', () => {
  it('posts a form body with key, secret, code, grant type and the configured redirect URI', async () => {
    const seen = answer(mock.api, TOKEN, 200, tokenResponse());
    const grant = await client.exchangeCode(authCode);
    const request = only(seen);
    expect(headersOf(request)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(headersOf(request).authorization).toBeUndefined();
    expect(formOf(request)).toEqual({
      client_key: TEST_CLIENT_KEY,
      client_secret: clientSecret,
      code: authCode,
      grant_type: 'authorization_code',
      redirect_uri: TEST_REDIRECT_URI,
    });
    expect(grant).toEqual({
      accessToken,
      expiresIn: 7200,
      openId: 'afd97af1-b87b-48b9-ac98-410aghda5344',
      scopes: ['user.info.basic', 'video.publish', 'video.upload'],
      refreshToken,
      refreshExpiresIn: 15_552_000,
    });
  });

  it('encodes the (already URL-decoded) code exactly once', async () => {
    const seen = answer(mock.api, TOKEN, 200, tokenResponse());
    const code = 'C*0!aB%2F+/=&x';
    await client.exchangeCode(code);
    expect(formOf(only(seen)).code).toBe(code);
    expect(only(seen).body).toContain('code=C*0%21aB%252F%2B%2F%3D%26x');
  });

  it('reports the scopes actually granted', async () => {
    answer(mock.api, TOKEN, 200, tokenResponse({ scope: 'user.info.basic' }));
    expect((await client.exchangeCode(authCode)).scopes).toEqual(['user.info.basic']);
  });

  it.each([200, 400])('treats invalid_grant with HTTP %i as a bad code', async (status) => {
    answer(mock.api, TOKEN, status, oauthError('invalid_grant', 'Authorization code is expired.'));
    const err = await failure(client.exchangeCode(authCode));
    expect(err).toBeInstanceOf(TikTokOAuthError);
    expect(err).toMatchObject({ error: 'invalid_grant', operation: 'exchange', logId: TEST_LOG_ID });
    expect(toAppError(err)).toMatchObject({ code: 'OAUTH_CODE_INVALID', statusCode: 400, tiktokLogId: TEST_LOG_ID });
  });

  it.each(['invalid_client', 'unauthorized_client', 'invalid_request', 'invalid_scope', 'unsupported_grant_type'])(
    'treats %s as a misconfigured app',
    async (error) => {
      answer(mock.api, TOKEN, 200, oauthError(error));
      expect(toAppError(await failure(client.exchangeCode(authCode)))).toMatchObject({
        code: 'OAUTH_CLIENT_MISCONFIGURED',
        statusCode: 502,
        retryable: false,
      });
    },
  );

  it.each(['server_error', 'temporarily_unavailable'])('treats %s as TikTok being unavailable', async (error) => {
    answer(mock.api, TOKEN, 200, oauthError(error));
    expect(toAppError(await failure(client.exchangeCode(authCode)))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
  });

  it('treats a v2-style error envelope on the token endpoint as an API error', async () => {
    answer(mock.api, TOKEN, 200, errorEnvelope('internal_error'));
    expect(await failure(client.exchangeCode(authCode))).toBeInstanceOf(TikTokApiError);
  });

  it.each([
    ['a gateway HTML page', 502, '<html>Bad Gateway</html>', true],
    ['an empty body', 503, '', true],
    ['a data-wrapped token (not TikTok’s shape)', 200, JSON.stringify({ data: JSON.parse(tokenResponse()) }), false],
    ['a token without open_id', 200, tokenResponse({ open_id: undefined }), false],
    ['a string expires_in', 200, tokenResponse({ expires_in: '7200' }), false],
  ])('treats %s as an upstream protocol error', async (_name, status, body, retryable) => {
    answer(mock.api, TOKEN, status, body);
    const err = await failure(client.exchangeCode(authCode));
    expect(err).toBeInstanceOf(TikTokProtocolError);
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', statusCode: 502, retryable });
  });
});

describe('refreshAccessToken', () => {
  it('posts grant_type=refresh_token and returns the rotated refresh token', async () => {
    const seen = answer(mock.api, TOKEN, 200, tokenResponse({ refresh_token: 'rft.rotated' }));
    const grant = await client.refreshAccessToken(refreshToken);
    expect(formOf(only(seen))).toEqual({
      client_key: TEST_CLIENT_KEY,
      client_secret: clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(grant.refreshToken).toBe('rft.rotated');
  });

  it('treats invalid_grant (HTTP 200) as a dead refresh token', async () => {
    answer(mock.api, TOKEN, 200, oauthError('invalid_grant', 'Refresh token is invalid or expired.'));
    expect(toAppError(await failure(client.refreshAccessToken(refreshToken)))).toMatchObject({
      code: 'OAUTH_REFRESH_INVALID',
      statusCode: 401,
    });
  });
});

describe('revokeAccessToken', () => {
  it.each([
    ['an empty body', ''],
    ['{}', '{}'],
    ['an ok envelope', okEnvelope({})],
  ])('posts the access token as `token` and succeeds on %s', async (_name, body) => {
    const seen = answer(mock.api, REVOKE, 200, body);
    await expect(client.revokeAccessToken(accessToken)).resolves.toBeUndefined();
    expect(formOf(only(seen))).toEqual({
      client_key: TEST_CLIENT_KEY,
      client_secret: clientSecret,
      token: accessToken,
    });
  });

  it('fails on a flat OAuth error and on a bare error status', async () => {
    answer(mock.api, REVOKE, 200, oauthError('invalid_client'));
    expect(toAppError(await failure(client.revokeAccessToken(accessToken))).code).toBe('OAUTH_CLIENT_MISCONFIGURED');
    answer(mock.api, REVOKE, 500, '');
    expect(toAppError(await failure(client.revokeAccessToken(accessToken)))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
  });
});

describe('fetchUserInfo', () => {
  it('asks for the four basic fields with the bearer token and maps them', async () => {
    const seen = answer(
      mock.api,
      USER_INFO,
      200,
      okEnvelope({
        user: {
          open_id: 'open-1',
          union_id: 'union-1',
          avatar_url: 'https://p16.example/a.jpg',
          display_name: 'Ana',
          follower_count: 12, // never asked for, dropped anyway
        },
      }),
    );
    await expect(client.fetchUserInfo(accessToken)).resolves.toEqual({
      openId: 'open-1',
      unionId: 'union-1',
      avatarUrl: 'https://p16.example/a.jpg',
      displayName: 'Ana',
    });
    expect(headersOf(only(seen)).authorization).toBe(`Bearer ${accessToken}`);
    expect(only(seen).path).toBe('/v2/user/info/?fields=open_id,union_id,avatar_url,display_name');
  });

  it.each([
    ['access_token_invalid', 401, 'TIKTOK_TOKEN_INVALID'],
    ['access_token_invalid', 200, 'TIKTOK_TOKEN_INVALID'],
    ['scope_permission_missed', 400, 'TIKTOK_SCOPE_MISSING'],
    ['rate_limit_exceeded', 429, 'RATE_LIMITED'],
  ])('maps %s (HTTP %i) to %s', async (code, status, expected) => {
    answer(mock.api, USER_INFO, status, errorEnvelope(code));
    expect(toAppError(await failure(client.fetchUserInfo(accessToken))).code).toBe(expected);
  });

  it('refuses an ok envelope without a user', async () => {
    answer(mock.api, USER_INFO, 200, okEnvelope({}));
    expect(await failure(client.fetchUserInfo(accessToken))).toBeInstanceOf(TikTokProtocolError);
  });
});

describe('queryCreatorInfo', () => {
  it('posts with the bearer token and JSON content type, and maps to CreatorInfo', async () => {
    const seen = answer(mock.api, CREATOR_INFO, 200, okEnvelope(creatorInfoData()));
    await expect(client.queryCreatorInfo(accessToken)).resolves.toEqual({
      nickname: 'Studio Creator',
      username: 'studio_creator',
      avatarUrl: 'https://p16.tiktokcdn.example/avatar.jpeg',
      privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: true,
      maxVideoPostDurationSec: 300,
    });
    const headers = headersOf(only(seen));
    expect(headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(headers['content-type']).toBe('application/json; charset=UTF-8');
  });

  it('drops privacy options this app does not know rather than refusing the answer', async () => {
    answer(
      mock.api,
      CREATOR_INFO,
      200,
      okEnvelope(creatorInfoData({ privacy_level_options: ['FOLLOWER_OF_CREATOR', 'CLOSE_FRIENDS', 'SELF_ONLY'] })),
    );
    expect((await client.queryCreatorInfo(accessToken)).privacyLevelOptions).toEqual([
      'FOLLOWER_OF_CREATOR',
      'SELF_ONLY',
    ]);
  });

  it.each([
    ['spam_risk_too_many_posts', 200, 'CREATOR_CANNOT_POST', 403],
    ['spam_risk_user_banned_from_posting', 200, 'CREATOR_CANNOT_POST', 403],
    ['reached_active_user_cap', 200, 'CREATOR_CANNOT_POST', 403],
    ['access_token_invalid', 401, 'TIKTOK_TOKEN_INVALID', 401],
    ['scope_not_authorized', 401, 'TIKTOK_SCOPE_MISSING', 403],
    ['rate_limit_exceeded', 429, 'RATE_LIMITED', 429],
    ['internal_error', 500, 'UPSTREAM_UNAVAILABLE', 502],
  ])('maps %s (HTTP %i) to %s', async (code, status, expected, expectedStatus) => {
    answer(mock.api, CREATOR_INFO, status, errorEnvelope(code));
    const err = await failure(client.queryCreatorInfo(accessToken));
    expect(err).toMatchObject({ code, httpStatus: status, logId: TEST_LOG_ID });
    expect(toAppError(err)).toMatchObject({ code: expected, statusCode: expectedStatus, tiktokLogId: TEST_LOG_ID });
  });

  it('accepts the docs’ `logid` spelling of the log id', async () => {
    answer(
      mock.api,
      CREATOR_INFO,
      200,
      JSON.stringify({ error: { code: 'spam_risk_too_many_posts', message: '', logid: 'L2' } }),
    );
    expect(toAppError(await failure(client.queryCreatorInfo(accessToken))).tiktokLogId).toBe('L2');
  });

  it('treats an ok envelope with a wrong shape as a protocol error', async () => {
    answer(mock.api, CREATOR_INFO, 200, okEnvelope(creatorInfoData({ comment_disabled: 'no' })));
    const err = await failure(client.queryCreatorInfo(accessToken));
    expect(err).toBeInstanceOf(TikTokProtocolError);
    expect((err as TikTokProtocolError).detail).toContain('comment_disabled');
  });
});

describe('initVideoUpload', () => {
  it('sends every post setting explicitly, in TikTok’s names, with a FILE_UPLOAD source', async () => {
    const seen = answer(mock.api, VIDEO_INIT, 200, okEnvelope(initUploadData()));
    const target = await client.initVideoUpload(accessToken, { post: POST, ...PLAN });
    expect(target).toEqual({ publishId: 'v_pub_file~v2-1.123456789', uploadUrl: testUploadUrl(), logId: TEST_LOG_ID });
    const request = only(seen);
    expect(headersOf(request).authorization).toBe(`Bearer ${accessToken}`);
    expect(headersOf(request)['content-type']).toBe('application/json; charset=UTF-8');
    expect(jsonOf(request)).toStrictEqual({
      post_info: {
        privacy_level: 'MUTUAL_FOLLOW_FRIENDS',
        title: 'First light #sunrise @friend',
        disable_comment: false,
        disable_duet: true,
        disable_stitch: true,
        brand_content_toggle: false,
        brand_organic_toggle: true,
        is_aigc: true,
        video_cover_timestamp_ms: 1000,
      },
      source_info: { source: 'FILE_UPLOAD', video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 5 },
    });
  });

  it('sends false flags explicitly too, and omits an empty title and a missing cover time', async () => {
    const seen = answer(mock.api, VIDEO_INIT, 200, okEnvelope(initUploadData()));
    const post = postSettings({
      privacyLevel: 'PUBLIC_TO_EVERYONE',
      allowDuet: true,
      allowStitch: true,
      brandedContent: true,
    });
    await client.initVideoUpload(accessToken, { post, videoSize: 1000, chunkSize: 1000, chunkCount: 1 });
    expect((jsonOf(only(seen)) as { post_info: unknown }).post_info).toStrictEqual({
      privacy_level: 'PUBLIC_TO_EVERYONE',
      disable_comment: true,
      disable_duet: false,
      disable_stitch: false,
      brand_content_toggle: true,
      brand_organic_toggle: false,
      is_aigc: false,
    });
  });

  it('refuses a plan TikTok would reject, without calling TikTok', async () => {
    await expect(
      client.initVideoUpload(accessToken, { post: POST, videoSize: 50_000_123, chunkSize: 10_000_000, chunkCount: 6 }),
    ).rejects.toThrow(RangeError);
    await expect(
      client.initInboxUpload(accessToken, { videoSize: 121_000_000, chunkSize: 64 * 1024 * 1024, chunkCount: 1 }),
    ).rejects.toThrow(RangeError);
  });

  it.each([
    ['privacy_level_option_mismatch', 403, 'PRIVACY_OPTION_MISMATCH'],
    ['unaudited_client_can_only_post_to_private_accounts', 403, 'UNAUDITED_APP_RESTRICTION'],
    ['spam_risk_too_many_posts', 403, 'CREATOR_CANNOT_POST'],
    ['spam_risk_user_banned_from_posting', 403, 'CREATOR_CANNOT_POST'],
    ['reached_active_user_cap', 403, 'CREATOR_CANNOT_POST'],
    ['invalid_params', 400, 'TIKTOK_REJECTED'],
    ['invalid_param', 400, 'TIKTOK_REJECTED'],
    ['url_ownership_unverified', 403, 'TIKTOK_REJECTED'],
    ['access_token_invalid', 401, 'TIKTOK_TOKEN_INVALID'],
    ['scope_not_authorized', 401, 'TIKTOK_SCOPE_MISSING'],
    ['rate_limit_exceeded', 429, 'RATE_LIMITED'],
    ['internal_error', 500, 'UPSTREAM_UNAVAILABLE'],
    ['', 502, 'UPSTREAM_UNAVAILABLE'],
  ])('maps %s (HTTP %i) to %s', async (code, status, expected) => {
    answer(mock.api, VIDEO_INIT, status, errorEnvelope(code, 'The chunk size is invalid'));
    const err = await failure(client.initVideoUpload(accessToken, { post: POST, ...PLAN }));
    expect(err).toBeInstanceOf(TikTokApiError);
    expect((err as TikTokApiError).tiktokMessage).toBe('The chunk size is invalid');
    expect(toAppError(err).code).toBe(expected);
  });

  it.each([
    'https://evil.example/video/?upload_token=x',
    'http://open-upload.tiktokapis.com/video/?upload_token=x',
    'https://open-upload.tiktokapis.com.evil.com/video/?upload_token=x',
    'https://open-upload.tiktokapis.com@evil.com/video/',
  ])('refuses an init answer whose upload_url is %s', async (uploadUrl) => {
    answer(mock.api, VIDEO_INIT, 200, okEnvelope(initUploadData(uploadUrl)));
    const err = await failure(client.initVideoUpload(accessToken, { post: POST, ...PLAN }));
    expect(err).toBeInstanceOf(UploadUrlNotAllowedError);
    expect(toAppError(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: false });
  });

  it('refuses an ok envelope without upload_url', async () => {
    answer(mock.api, VIDEO_INIT, 200, okEnvelope({ publish_id: 'v_pub_file~v2-1.1' }));
    expect(await failure(client.initVideoUpload(accessToken, { post: POST, ...PLAN }))).toBeInstanceOf(
      TikTokProtocolError,
    );
  });
});

describe('initInboxUpload', () => {
  it('sends only source_info', async () => {
    const seen = answer(mock.api, INBOX_INIT, 200, okEnvelope(initUploadData()));
    await expect(client.initInboxUpload(accessToken, PLAN)).resolves.toEqual({
      publishId: 'v_pub_file~v2-1.123456789',
      uploadUrl: testUploadUrl(),
      logId: TEST_LOG_ID,
    });
    expect(jsonOf(only(seen))).toStrictEqual({
      source_info: { source: 'FILE_UPLOAD', video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 5 },
    });
  });

  it.each([
    ['spam_risk_too_many_pending_share', 'TOO_MANY_PENDING_DRAFTS'],
    ['spam_risk_user_banned_from_posting', 'CREATOR_CANNOT_POST'],
  ])('maps %s to %s', async (code, expected) => {
    answer(mock.api, INBOX_INIT, 403, errorEnvelope(code));
    expect(toAppError(await failure(client.initInboxUpload(accessToken, PLAN))).code).toBe(expected);
  });
});

describe('fetchPublishStatus', () => {
  it('posts the publish id and keeps 19-digit post ids exact', async () => {
    const seen = answer(
      mock.api,
      STATUS,
      200,
      statusBody(
        '{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7412345678901234567, 7412345678901234599],"uploaded_bytes":50000123}',
      ),
    );
    const status = await client.fetchPublishStatus(accessToken, 'v_pub_file~v2-1.123456789');
    expect(jsonOf(only(seen))).toStrictEqual({ publish_id: 'v_pub_file~v2-1.123456789' });
    expect(headersOf(only(seen)).authorization).toBe(`Bearer ${accessToken}`);
    expect(status).toEqual({
      status: 'PUBLISH_COMPLETE',
      failReason: null,
      postIds: ['7412345678901234567', '7412345678901234599'],
      uploadedBytes: 50_000_123,
      tiktokLogId: TEST_LOG_ID,
    });
    // What a plain JSON.parse would have produced instead:
    expect(String(JSON.parse('[7412345678901234567]')[0])).not.toBe('7412345678901234567');
  });

  it('treats an empty id list as normal and maps a failure reason', async () => {
    answer(
      mock.api,
      STATUS,
      200,
      statusBody(
        '{"status":"FAILED","fail_reason":"picture_size_check_failed","publicaly_available_post_id":[],"uploaded_bytes":10000}',
      ),
    );
    await expect(client.fetchPublishStatus(accessToken, 'p1')).resolves.toEqual({
      status: 'FAILED',
      failReason: 'picture_size_check_failed',
      postIds: [],
      uploadedBytes: 10_000,
      tiktokLogId: TEST_LOG_ID,
    });
  });

  it('fills in missing optional fields', async () => {
    answer(mock.api, STATUS, 200, statusBody('{"status":"PROCESSING_UPLOAD"}'));
    await expect(client.fetchPublishStatus(accessToken, 'p1')).resolves.toEqual({
      status: 'PROCESSING_UPLOAD',
      failReason: null,
      postIds: [],
      uploadedBytes: 0,
      tiktokLogId: TEST_LOG_ID,
    });
  });

  it.each([
    ['invalid_publish_id', 400, 'PUBLISH_NOT_FOUND', 404],
    ['token_not_authorized_for_specified_publish_id', 400, 'PUBLISH_NOT_FOUND', 404],
    ['access_token_invalid', 401, 'TIKTOK_TOKEN_INVALID', 401],
    ['rate_limit_exceeded', 429, 'RATE_LIMITED', 429],
    ['internal_error', 500, 'UPSTREAM_UNAVAILABLE', 502],
  ])('maps %s (HTTP %i) to %s', async (code, status, expected, expectedStatus) => {
    answer(mock.api, STATUS, status, errorEnvelope(code));
    expect(toAppError(await failure(client.fetchPublishStatus(accessToken, 'p1')))).toMatchObject({
      code: expected,
      statusCode: expectedStatus,
    });
  });

  it('passes a status TikTok’s docs do not list as UNKNOWN, keeping TikTok’s word for diagnostics', async () => {
    answer(mock.api, STATUS, 200, statusBody('{"status":"PROCESSING_MODERATION","uploaded_bytes":5}'));
    await expect(client.fetchPublishStatus(accessToken, 'p1')).resolves.toEqual({
      status: 'UNKNOWN',
      tiktokStatus: 'PROCESSING_MODERATION',
      failReason: null,
      postIds: [],
      uploadedBytes: 5,
      tiktokLogId: TEST_LOG_ID,
    });
  });

  it.each(['', 'x'.repeat(65), 'NOT A STATUS', '<script>'])(
    'still refuses a status that is no status at all: %j',
    async (value) => {
      answer(mock.api, STATUS, 200, statusBody(JSON.stringify({ status: value })));
      expect(await failure(client.fetchPublishStatus(accessToken, 'p1'))).toBeInstanceOf(TikTokProtocolError);
    },
  );
});

describe('putVideoChunk (MockAgent)', () => {
  const UPLOAD = { path: `/video/?upload_id=67890&upload_token=${uploadToken}`, method: 'PUT' };

  it('sends exact Content-Range, Content-Length and Content-Type, and reads progress back', async () => {
    const seen = answer(mock.upload, UPLOAD, 206, '', { 'content-range': 'bytes 0-19999999/50000123' });
    const result = await client.putVideoChunk({
      uploadUrl: testUploadUrl(),
      body: pieces(10_000_000),
      start: 10_000_000,
      end: 19_999_999,
      videoSize: 50_000_123,
      contentType: 'video/mp4',
    });
    expect(result).toEqual({ status: 206, uploadedBytes: 20_000_000 });
    const headers = headersOf(only(seen));
    expect(headers['content-range']).toBe('bytes 10000000-19999999/50000123');
    expect(headers['content-length']).toBe('10000000');
    expect(headers['content-type']).toBe('video/mp4');
    expect(headers.authorization).toBeUndefined();
  });

  it('reports 201 for the last chunk, falling back to the range when TikTok sends no Content-Range', async () => {
    answer(mock.upload, UPLOAD, 201, '', {});
    await expect(
      client.putVideoChunk({
        uploadUrl: testUploadUrl(),
        body: pieces(10_000_123),
        start: 40_000_000,
        end: 50_000_122,
        videoSize: 50_000_123,
        contentType: 'video/quicktime',
      }),
    ).resolves.toEqual({ status: 201, uploadedBytes: 50_000_123 });
  });

  it.each([
    [416, 'UPLOAD_OUT_OF_SYNC', 409, false],
    [403, 'UPLOAD_RESTART_REQUIRED', 410, false],
    [404, 'UPLOAD_RESTART_REQUIRED', 410, false],
    [400, 'TIKTOK_REJECTED', 400, false],
    [500, 'UPSTREAM_UNAVAILABLE', 502, true],
    [503, 'UPSTREAM_UNAVAILABLE', 502, true],
    [200, 'UPSTREAM_UNAVAILABLE', 502, false],
  ])('maps HTTP %i from the upload host to %s', async (status, code, httpStatus, retryable) => {
    answer(mock.upload, UPLOAD, status, 'nope', { 'content-range': 'bytes 0-9999999/50000123' });
    const err = await failure(
      client.putVideoChunk({
        uploadUrl: testUploadUrl(),
        body: pieces(10_000_000),
        start: 10_000_000,
        end: 19_999_999,
        videoSize: 50_000_123,
        contentType: 'video/webm',
      }),
    );
    expect(err).toBeInstanceOf(TikTokTransferError);
    expect((err as TikTokTransferError).uploadedBytes).toBe(10_000_000);
    expect(toAppError(err)).toMatchObject({ code, statusCode: httpStatus, retryable });
  });

  it.each([301, 302, 303, 307, 308])('treats %i as an error and does not follow Location', async (status) => {
    answer(mock.upload, UPLOAD, status, '', { location: 'https://canary.example/steal' });
    // The redirect target is mocked too, so following it would succeed: it must stay unused.
    mock.agent.get('https://canary.example').intercept({ path: '/steal', method: 'PUT' }).reply(201, '');
    const err = await failure(
      client.putVideoChunk({
        uploadUrl: testUploadUrl(),
        body: pieces(1000),
        start: 0,
        end: 999,
        videoSize: 1000,
        contentType: 'video/mp4',
      }),
    );
    expect(err).toMatchObject({ name: 'TikTokTransferError', httpStatus: status });
    expect(mock.agent.pendingInterceptors()).toHaveLength(1);
    mock.agent.get('https://canary.example').cleanMocks();
  });

  it.each([
    'https://evil.example/video/?upload_token=x',
    'http://open-upload.tiktokapis.com/video/',
    'https://open-upload.tiktokapis.com.evil.com/video/',
    'https://open-upload.tiktokapis.com:8443/video/',
    'https://open-upload.tiktokapis.com./video/',
    'https://open-upload.tiktokapis.com@evil.com/video/',
    'http://2130706433/video/',
    'http://127.1/video/',
  ])('refuses %s without sending a request or reading the body', async (uploadUrl) => {
    let started = false;
    async function* untouched(): AsyncGenerator<Uint8Array> {
      started = true;
      yield new Uint8Array(10);
    }
    const err = await failure(
      client.putVideoChunk({ uploadUrl, body: untouched(), start: 0, end: 9, videoSize: 10, contentType: 'video/mp4' }),
    );
    expect(err).toBeInstanceOf(UploadUrlNotAllowedError);
    expect(started).toBe(false);
    // disableNetConnect + no interceptor: any request would have thrown MockNotMatchedError instead.
  });

  it.each([
    { start: -1, end: 9, videoSize: 10 },
    { start: 5, end: 4, videoSize: 10 },
    { start: 0, end: 10, videoSize: 10 },
    { start: 0.5, end: 9, videoSize: 10 },
  ])('refuses the range %o', async (range) => {
    await expect(
      client.putVideoChunk({ uploadUrl: testUploadUrl(), body: pieces(10), contentType: 'video/mp4', ...range }),
    ).rejects.toThrow(RangeError);
  });

  it('refuses a content type TikTok does not take', async () => {
    await expect(
      client.putVideoChunk({
        uploadUrl: testUploadUrl(),
        body: pieces(10),
        start: 0,
        end: 9,
        videoSize: 10,
        contentType: 'video/x-msvideo' as 'video/mp4',
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('secrets never leak into errors', () => {
  const canaries = Object.values(TIKTOK_CANARIES);
  const echo = `token ${accessToken} refresh ${refreshToken} code ${authCode} secret ${clientSecret} url ${testUploadUrl()}`;

  function expectNoCanary(err: unknown): void {
    const appError = toAppError(err);
    const texts = [
      inspect(err, { depth: 10 }),
      inspect(appError, { depth: 10 }),
      JSON.stringify(appError),
      JSON.stringify({ message: appError.message, code: appError.code, logId: appError.tiktokLogId }),
      String(err),
    ];
    for (const text of texts) for (const canary of canaries) expect(text).not.toContain(canary);
  }

  it('holds for every kind of failure, even when TikTok echoes them back', async () => {
    const errors: unknown[] = [];
    answer(mock.api, TOKEN, 200, oauthError('invalid_grant', echo));
    errors.push(await failure(client.exchangeCode(authCode)));
    answer(mock.api, TOKEN, 400, oauthError('invalid_request', echo));
    errors.push(await failure(client.refreshAccessToken(refreshToken)));
    answer(mock.api, TOKEN, 200, tokenResponse({ open_id: 42 }));
    errors.push(await failure(client.exchangeCode(authCode)));
    answer(mock.api, REVOKE, 200, oauthError('invalid_client', echo));
    errors.push(await failure(client.revokeAccessToken(accessToken)));
    answer(mock.api, USER_INFO, 401, errorEnvelope('access_token_invalid', echo));
    errors.push(await failure(client.fetchUserInfo(accessToken)));
    answer(mock.api, CREATOR_INFO, 200, errorEnvelope('spam_risk_too_many_posts', echo));
    errors.push(await failure(client.queryCreatorInfo(accessToken)));
    answer(mock.api, VIDEO_INIT, 400, errorEnvelope('invalid_params', echo));
    errors.push(await failure(client.initVideoUpload(accessToken, { post: POST, ...PLAN })));
    answer(mock.api, INBOX_INIT, 200, okEnvelope(initUploadData(`https://evil.example/?upload_token=${uploadToken}`)));
    errors.push(await failure(client.initInboxUpload(accessToken, PLAN)));
    answer(mock.api, STATUS, 400, errorEnvelope('invalid_publish_id', echo));
    errors.push(await failure(client.fetchPublishStatus(accessToken, 'p1')));
    answer(mock.api, STATUS, 502, `<html>${echo}</html>`);
    errors.push(await failure(client.fetchPublishStatus(accessToken, 'p1')));
    answer(mock.upload, { path: `/video/?upload_id=67890&upload_token=${uploadToken}`, method: 'PUT' }, 416, echo, {
      'content-range': 'bytes 0-99/1000',
    });
    errors.push(
      await failure(
        client.putVideoChunk({
          uploadUrl: testUploadUrl(),
          body: (async function* () {
            yield new Uint8Array(100);
          })(),
          start: 100,
          end: 199,
          videoSize: 1000,
          contentType: 'video/mp4',
        }),
      ),
    );
    errors.push(
      await failure(
        client.putVideoChunk({
          uploadUrl: `https://evil.example/video/?upload_token=${uploadToken}`,
          body: (async function* () {})(),
          start: 0,
          end: 9,
          videoSize: 10,
          contentType: 'video/mp4',
        }),
      ),
    );

    expect(errors).toHaveLength(12);
    for (const err of errors) expectNoCanary(err);
    // TikTok's text survives for logs, minus the secrets.
    expect((errors[4] as TikTokApiError).tiktokMessage).toContain('token [redacted]');
  });
});
