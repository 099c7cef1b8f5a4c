import type { CreatorInfo, PostSettings, Profile, PublishStatus } from '@content-studio/contract';
import type { Dispatcher } from 'undici';
import { isSecureOrLoopback, isValidChunkPlan } from '@content-studio/contract';
import { putVideoChunk, type PutVideoChunkInput, type PutVideoChunkResult } from './media-transfer';
import { directPostInitBody, inboxInitBody, type FileUploadSource } from './requests';
import {
  CreatorInfoDataSchema,
  InitUploadDataSchema,
  PublishStatusDataSchema,
  USER_INFO_FIELDS,
  UserInfoDataSchema,
  parseJsonText,
  parseV2Data,
  quotePublicPostIds,
  successLogId,
  throwIfOAuthError,
  toCreatorInfo,
  toProfile,
  toPublishStatus,
  toTokenGrant,
  toUploadTarget,
  type TikTokTokenGrant,
  type UploadTarget,
} from './responses';
import { TikTokProtocolError, type OAuthOperation } from './tiktok-errors';
import { sendForText, type Transport } from './transport';
import { assertUploadUrlAllowed, compileUploadOrigins } from './upload-origin';

export interface TikTokClientOptions {
  /** undici Dispatcher for every call: an Agent in production, a MockAgent in tests. */
  dispatcher: Dispatcher;
  /** `https://open.tiktokapis.com`, or the sandbox's loopback URL; may carry a path prefix. */
  apiBaseUrl: string;
  clientKey: string;
  clientSecret: string;
  /** Must equal, byte for byte, the one used on TikTok's authorize page. */
  redirectUri: string;
  /** Exact origins or one-label patterns (see upload-origin.ts); chunk PUTs go nowhere else. */
  uploadOrigins: readonly string[];
  timeouts?: {
    /** JSON calls: time to response headers. Default 15 s. */
    headersMs?: number;
    /** JSON calls: max gap between response body bytes. Default 30 s. */
    bodyMs?: number;
    /**
     * Chunk PUTs: max time TikTok may stall (not reading while we write, or not answering after
     * the last byte). undici restarts this timer on every write, so a long chunk on a healthy link
     * never trips it. Default 120 s.
     */
    uploadHeadersMs?: number;
    /** Chunk PUTs: max gap in the (tiny) response body. Default 60 s. */
    uploadBodyMs?: number;
  };
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface InitVideoUploadInput extends FileUploadSource {
  post: PostSettings;
}

/**
 * One function per TikTok call. Each throws the typed errors of tiktok-errors.ts (never a token,
 * code or URL in them); errors/from-tiktok.ts turns those into creator-facing errors.
 */
export interface TikTokClient {
  /**
   * Exchanges the authorization code from TikTok's redirect for tokens, with the configured
   * `redirect_uri`. `invalid_grant` (a used or expired code) arrives as a `TikTokOAuthError`.
   * @see https://developers.tiktok.com/doc/oauth-user-access-token-management
   */
  exchangeCode(code: string, options?: CallOptions): Promise<TikTokTokenGrant>;
  /**
   * TikTok rotates refresh tokens: the returned one replaces the old, which stops working, so the
   * caller must keep the new one and never refresh the same token twice concurrently.
   * @see https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token
   */
  refreshAccessToken(refreshToken: string, options?: CallOptions): Promise<TikTokTokenGrant>;
  /** @see https://developers.tiktok.com/docs/en/oauth-revoke-a-user-access-token */
  revokeAccessToken(accessToken: string, options?: CallOptions): Promise<void>;
  /**
   * The creator's `user.info.basic` fields only: open_id, union_id, avatar_url, display_name.
   * @see https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info
   */
  fetchUserInfo(accessToken: string, options?: CallOptions): Promise<Profile>;
  /**
   * What the compose screen must honour. "Cannot post now" (daily cap, ban, the app's user cap)
   * comes back as a `TikTokApiError` even though TikTok answers it with HTTP 200.
   * @see https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info
   */
  queryCreatorInfo(accessToken: string, options?: CallOptions): Promise<CreatorInfo>;
  /**
   * Direct Post init (FILE_UPLOAD). The plan must satisfy TikTok's rules (use `planChunks`); the
   * returned upload URL has already passed the upload-origin check. Never call this twice for the
   * same video when the outcome of the first call is unknown: each call may create a post.
   * @see https://developers.tiktok.com/doc/content-posting-api-reference-direct-post
   */
  initVideoUpload(accessToken: string, input: InitVideoUploadInput, options?: CallOptions): Promise<UploadTarget>;
  /**
   * Inbox (draft) init (FILE_UPLOAD): only `source_info`; the creator finishes the post in TikTok.
   * @see https://developers.tiktok.com/doc/content-posting-api-reference-upload-video
   */
  initInboxUpload(accessToken: string, input: FileUploadSource, options?: CallOptions): Promise<UploadTarget>;
  /**
   * Streams one chunk to the upload URL (checked against the allowed upload origins first; no
   * redirects). 206 = more expected, 201 = complete.
   * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
   */
  putVideoChunk(input: PutVideoChunkInput): Promise<PutVideoChunkResult>;
  /**
   * Post ids come back as exact digit strings (TikTok sends 19-digit integers).
   * @see https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status
   */
  fetchPublishStatus(accessToken: string, publishId: string, options?: CallOptions): Promise<PublishStatus>;
}

const DEFAULT_TIMEOUTS = {
  headersMs: 15_000,
  bodyMs: 30_000,
  uploadHeadersMs: 120_000,
  uploadBodyMs: 60_000,
} as const;

const JSON_HEADERS = { accept: 'application/json' } as const;

function assertTimeout(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`timeouts.${name} must be a positive integer of milliseconds`);
  }
  return value;
}

function parseApiBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('apiBaseUrl is not a URL');
  }
  if (!isSecureOrLoopback(url)) {
    throw new TypeError('apiBaseUrl must use https (http only for loopback hosts)');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('apiBaseUrl must not carry credentials, a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function assertPlan(source: FileUploadSource): void {
  if (!isValidChunkPlan(source.videoSize, source.chunkSize, source.chunkCount)) {
    // A bug in the caller, not TikTok: refuse before spending one of the 6 inits a minute.
    throw new RangeError('chunk plan breaks TikTok’s media transfer rules; use planChunks()');
  }
}

/**
 * Creates the proxy's TikTok client: one typed function per TikTok call, all through the injected
 * undici Dispatcher. Functions throw the typed errors of tiktok-errors.ts; turn them into
 * creator-facing errors with `toAppError` (errors/from-tiktok.ts).
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-get-started
 */
export function createTikTokClient(options: TikTokClientOptions): TikTokClient {
  const apiBase = parseApiBaseUrl(options.apiBaseUrl);
  for (const name of ['clientKey', 'clientSecret', 'redirectUri'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`${name} is required`);
  }
  const { clientKey, clientSecret, redirectUri } = options;
  const isAllowedUploadOrigin = compileUploadOrigins(options.uploadOrigins);

  const jsonTransport: Transport = {
    dispatcher: options.dispatcher,
    headersTimeoutMs: assertTimeout('headersMs', options.timeouts?.headersMs ?? DEFAULT_TIMEOUTS.headersMs),
    bodyTimeoutMs: assertTimeout('bodyMs', options.timeouts?.bodyMs ?? DEFAULT_TIMEOUTS.bodyMs),
  };
  const uploadTransport: Transport = {
    dispatcher: options.dispatcher,
    headersTimeoutMs: assertTimeout(
      'uploadHeadersMs',
      options.timeouts?.uploadHeadersMs ?? DEFAULT_TIMEOUTS.uploadHeadersMs,
    ),
    bodyTimeoutMs: assertTimeout('uploadBodyMs', options.timeouts?.uploadBodyMs ?? DEFAULT_TIMEOUTS.uploadBodyMs),
  };

  const apiUrl = (path: string) => `${apiBase}${path}`;

  /** OAuth endpoints take form bodies and answer flat JSON (no envelope), errors often with 200. */
  async function postOAuthForm(
    path: string,
    operation: OAuthOperation,
    fields: Record<string, string>,
    secrets: readonly string[],
    callOptions: CallOptions | undefined,
  ) {
    const response = await sendForText(jsonTransport, {
      url: apiUrl(path),
      method: 'POST',
      headers: {
        ...JSON_HEADERS,
        'content-type': 'application/x-www-form-urlencoded',
        'cache-control': 'no-cache',
      },
      // URLSearchParams encodes once; the code arrives already URL-decoded from the callback.
      body: new URLSearchParams({ client_key: clientKey, client_secret: clientSecret, ...fields }).toString(),
      signal: callOptions?.signal,
    });
    return { ...response, operation, secrets };
  }

  /** v2 JSON API: bearer token, JSON body, `{data, error}` envelope. */
  async function callV2(
    method: 'GET' | 'POST',
    path: string,
    accessToken: string,
    body: unknown,
    callOptions: CallOptions | undefined,
  ) {
    return sendForText(jsonTransport, {
      url: apiUrl(path),
      method,
      headers: {
        ...JSON_HEADERS,
        authorization: `Bearer ${accessToken}`,
        // TikTok's examples send it on every v2 POST, creator_info's body-less one included.
        ...(method === 'POST' ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: callOptions?.signal,
    });
  }

  async function initUpload(path: string, accessToken: string, body: unknown, callOptions: CallOptions | undefined) {
    const secrets = [accessToken, clientSecret];
    const { statusCode, text } = await callV2('POST', path, accessToken, body, callOptions);
    const json = parseJsonText(text, statusCode);
    const logId = successLogId(json);
    const target = {
      ...toUploadTarget(parseV2Data(InitUploadDataSchema, json, statusCode, secrets)),
      ...(logId ? { logId } : {}),
    };
    // A URL we would refuse to PUT to is TikTok's (or an impostor's) error, reported at init time
    // rather than on the first chunk.
    assertUploadUrlAllowed(target.uploadUrl, isAllowedUploadOrigin);
    return target;
  }

  return {
    async exchangeCode(code, callOptions) {
      const r = await postOAuthForm(
        '/v2/oauth/token/',
        'exchange',
        { code, grant_type: 'authorization_code', redirect_uri: redirectUri },
        [code, clientSecret],
        callOptions,
      );
      return toTokenGrant(parseJsonText(r.text, r.statusCode), r.operation, r.statusCode, r.secrets);
    },

    async refreshAccessToken(refreshToken, callOptions) {
      const r = await postOAuthForm(
        '/v2/oauth/token/',
        'refresh',
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        [refreshToken, clientSecret],
        callOptions,
      );
      return toTokenGrant(parseJsonText(r.text, r.statusCode), r.operation, r.statusCode, r.secrets);
    },

    async revokeAccessToken(accessToken, callOptions) {
      const r = await postOAuthForm(
        '/v2/oauth/revoke/',
        'revoke',
        { token: accessToken },
        [accessToken, clientSecret],
        callOptions,
      );
      // Success is an empty body or `{}`; an error is the flat OAuth shape (or a v2 envelope).
      if (r.text.trim() === '') {
        if (r.statusCode >= 400) throw new TikTokProtocolError(r.statusCode, 'empty error body');
        return;
      }
      const json = parseJsonText(r.text, r.statusCode);
      throwIfOAuthError(json, 'revoke', r.statusCode, r.secrets);
      if (r.statusCode >= 400) throw new TikTokProtocolError(r.statusCode, 'error status without an error body');
    },

    async fetchUserInfo(accessToken, callOptions) {
      // Only user.info.basic fields (docs/requirements/product-promises.md#profile-fields); the commas stay raw, as in
      // TikTok's docs.
      const { statusCode, text } = await callV2(
        'GET',
        `/v2/user/info/?fields=${USER_INFO_FIELDS.join(',')}`,
        accessToken,
        undefined,
        callOptions,
      );
      const json = parseJsonText(text, statusCode);
      return toProfile(parseV2Data(UserInfoDataSchema, json, statusCode, [accessToken]));
    },

    async queryCreatorInfo(accessToken, callOptions) {
      const { statusCode, text } = await callV2(
        'POST',
        '/v2/post/publish/creator_info/query/',
        accessToken,
        undefined,
        callOptions,
      );
      const json = parseJsonText(text, statusCode);
      return toCreatorInfo(parseV2Data(CreatorInfoDataSchema, json, statusCode, [accessToken]));
    },

    async initVideoUpload(accessToken, input, callOptions) {
      assertPlan(input);
      const body = directPostInitBody(input.post, input);
      return initUpload('/v2/post/publish/video/init/', accessToken, body, callOptions);
    },

    async initInboxUpload(accessToken, input, callOptions) {
      assertPlan(input);
      return initUpload('/v2/post/publish/inbox/video/init/', accessToken, inboxInitBody(input), callOptions);
    },

    putVideoChunk(input) {
      return putVideoChunk(uploadTransport, isAllowedUploadOrigin, input);
    },

    async fetchPublishStatus(accessToken, publishId, callOptions) {
      const { statusCode, text } = await callV2(
        'POST',
        '/v2/post/publish/status/fetch/',
        accessToken,
        { publish_id: publishId },
        callOptions,
      );
      // Quote the 19-digit post ids before JSON.parse can round them.
      const json = parseJsonText(quotePublicPostIds(text), statusCode);
      const logId = successLogId(json);
      return {
        ...toPublishStatus(parseV2Data(PublishStatusDataSchema, json, statusCode, [accessToken])),
        ...(logId ? { tiktokLogId: logId } : {}),
      };
    },
  };
}
