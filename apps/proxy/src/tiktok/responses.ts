import {
  PRIVACY_LEVELS,
  PublishIdSchema,
  TIKTOK_PUBLISH_STATUSES,
  type CreatorInfo,
  type PrivacyLevel,
  type Profile,
  type PublishStatus,
} from '@content-studio/contract';
import { z } from 'zod';
import {
  TikTokApiError,
  TikTokOAuthError,
  TikTokProtocolError,
  scrubTikTokText,
  type OAuthOperation,
} from './tiktok-errors';

/**
 * TikTok's JSON, verbatim (snake_case, including its misspelling `publicaly_available_post_id`), and
 * the one place it is mapped to camelCase domain types. Success is decided on the body, never on the
 * HTTP status alone: TikTok sends errors with HTTP 200 (spam/cap codes, OAuth `invalid_grant`).
 *
 * Objects are parsed non-strictly: TikTok adds fields over time and extra fields are dropped.
 */

// ---- v2 envelope ------------------------------------------------------------------------------

/** The docs' tables say `logid`, every example says `log_id`; accept both. */
const V2ErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
  log_id: z.string().optional(),
  logid: z.string().optional(),
});

/** `{data, error{code,message,log_id}}`; `data` is `{}` or missing on errors. */
const V2EnvelopeSchema = z.object({
  data: z.unknown().optional(),
  error: V2ErrorSchema,
});

// ---- OAuth (flat, no envelope) ----------------------------------------------------------------

const OAuthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  open_id: z.string().min(1),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().int().positive(),
  /** Granted scopes, comma-separated: the creator may have unticked some. */
  scope: z.string(),
  token_type: z.string().optional(),
});

const OAuthErrorResponseSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  log_id: z.string().optional(),
});

// ---- Display API and Content Posting API `data` payloads --------------------------------------

export const USER_INFO_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'] as const;

export const UserInfoDataSchema = z.object({
  user: z.object({
    open_id: z.string().min(1),
    // Cosmetic fields: a missing one should not cost the creator their sign-in.
    union_id: z.string().default(''),
    avatar_url: z.string().default(''),
    display_name: z.string(),
  }),
});

export const CreatorInfoDataSchema = z.object({
  creator_avatar_url: z.string().default(''),
  creator_username: z.string(),
  creator_nickname: z.string(),
  privacy_level_options: z.array(z.string()),
  comment_disabled: z.boolean(),
  duet_disabled: z.boolean(),
  stitch_disabled: z.boolean(),
  max_video_post_duration_sec: z.number().int().positive(),
});

export const InitUploadDataSchema = z.object({
  // The contract's one pattern: an id the SPA's routes would refuse is caught here, at init, with
  // TikTok's answer at hand, not later as a status the creator can never reach.
  publish_id: PublishIdSchema,
  upload_url: z.string().min(1),
});

/** After `quotePublicPostIds`, the ids arrive here as digit strings. */
export const PublishStatusDataSchema = z.object({
  // Not an enum: a status TikTok adds later must not turn every poll into a protocol error.
  status: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  fail_reason: z.string().nullish(),
  publicaly_available_post_id: z.array(z.string().regex(/^\d{1,30}$/)).nullish(),
  uploaded_bytes: z.number().int().min(0).nullish(),
  downloaded_bytes: z.number().int().min(0).nullish(),
});

// ---- Domain types -----------------------------------------------------------------------------

export interface TikTokTokenGrant {
  accessToken: string;
  /** Seconds. Drive refreshes from this, never from a hard-coded lifetime (2 h in the newer edition of TikTok's Manage User Access Tokens pages, 24 h in the older). */
  expiresIn: number;
  openId: string;
  scopes: string[];
  /** Rotated on every refresh: the previous one stops working. */
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface UploadTarget {
  publishId: string;
  /** A capability (it carries `upload_token`): never log it. */
  uploadUrl: string;
  /** TikTok's log id of the init. */
  logId?: string;
}

// ---- Parsing ----------------------------------------------------------------------------------

/** Names of the fields that failed, never their values (they could be tokens). */
function describeIssues(error: z.ZodError): string {
  const paths = error.issues.map((issue) => issue.path.join('.') || '(root)');
  return `schema mismatch at ${[...new Set(paths)].slice(0, 5).join(', ')}`;
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, httpStatus: number): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new TikTokProtocolError(httpStatus, describeIssues(result.error));
  return result.data;
}

export function parseJsonText(text: string, httpStatus: number): unknown {
  if (text.trim() === '') throw new TikTokProtocolError(httpStatus, 'empty body');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TikTokProtocolError(httpStatus, 'body is not JSON');
  }
}

/**
 * Returns `data` of a v2 envelope whose `error.code` is `"ok"`, or throws `TikTokApiError`.
 * `secrets` are scrubbed from TikTok's message before it is kept.
 */
export function unwrapV2Envelope(json: unknown, httpStatus: number, secrets: readonly string[]): unknown {
  const envelope = parseOrThrow(V2EnvelopeSchema, json, httpStatus);
  const { code, message, log_id, logid } = envelope.error;
  if (code !== 'ok') {
    const logId = log_id ?? logid;
    throw new TikTokApiError(code, httpStatus, {
      ...(logId === undefined ? {} : { logId }),
      tiktokMessage: scrubTikTokText(message, secrets),
    });
  }
  return envelope.data;
}

/**
 * TikTok's `log_id` of a successful answer too: support asks for it whatever the outcome, and an
 * operator's smoke check prints it. Only a plain token is kept.
 */
export function successLogId(json: unknown): string | undefined {
  const logId = (json as { error?: { log_id?: unknown } } | null)?.error?.log_id;
  return typeof logId === 'string' && /^\w{1,64}$/.test(logId) ? logId : undefined;
}

export function parseV2Data<T extends z.ZodType>(
  schema: T,
  json: unknown,
  httpStatus: number,
  secrets: readonly string[],
): z.output<T> {
  return parseOrThrow(schema, unwrapV2Envelope(json, httpStatus, secrets), httpStatus);
}

/**
 * Throws if an OAuth answer is an error. The flat shape `{error: "invalid_grant", …}` is what TikTok
 * documents; a v2-style `{error: {code, …}}` is handled too, in case an OAuth endpoint ever answers
 * through the API gateway's envelope. An empty `error` string is not an error.
 */
export function throwIfOAuthError(
  json: unknown,
  operation: OAuthOperation,
  httpStatus: number,
  secrets: readonly string[],
): void {
  const flat = OAuthErrorResponseSchema.safeParse(json);
  if (flat.success) {
    const { error, error_description, log_id } = flat.data;
    throw new TikTokOAuthError(error, operation, httpStatus, {
      description: scrubTikTokText(error_description, secrets),
      ...(log_id === undefined ? {} : { logId: log_id }),
    });
  }
  const enveloped = V2EnvelopeSchema.safeParse(json);
  if (enveloped.success) unwrapV2Envelope(json, httpStatus, secrets);
}

export function toTokenGrant(
  json: unknown,
  operation: OAuthOperation,
  httpStatus: number,
  secrets: readonly string[],
): TikTokTokenGrant {
  throwIfOAuthError(json, operation, httpStatus, secrets);
  const token = parseOrThrow(OAuthTokenResponseSchema, json, httpStatus);
  return {
    accessToken: token.access_token,
    expiresIn: token.expires_in,
    openId: token.open_id,
    scopes: token.scope.split(/[\s,]+/).filter((scope) => scope !== ''),
    refreshToken: token.refresh_token,
    refreshExpiresIn: token.refresh_expires_in,
  };
}

export function toProfile(data: z.output<typeof UserInfoDataSchema>): Profile {
  const { user } = data;
  return {
    openId: user.open_id,
    unionId: user.union_id,
    avatarUrl: user.avatar_url,
    displayName: user.display_name,
  };
}

function isPrivacyLevel(value: string): value is PrivacyLevel {
  return (PRIVACY_LEVELS as readonly string[]).includes(value);
}

export function toCreatorInfo(data: z.output<typeof CreatorInfoDataSchema>): CreatorInfo {
  return {
    nickname: data.creator_nickname,
    username: data.creator_username,
    avatarUrl: data.creator_avatar_url,
    // An option TikTok adds later cannot be sent by this version of the app, so it is not offered;
    // the known ones stay usable instead of the whole answer being refused.
    privacyLevelOptions: data.privacy_level_options.filter(isPrivacyLevel),
    commentDisabled: data.comment_disabled,
    duetDisabled: data.duet_disabled,
    stitchDisabled: data.stitch_disabled,
    maxVideoPostDurationSec: data.max_video_post_duration_sec,
  };
}

export function toUploadTarget(data: z.output<typeof InitUploadDataSchema>): UploadTarget {
  return { publishId: data.publish_id, uploadUrl: data.upload_url };
}

function isDocumentedStatus(status: string): status is (typeof TIKTOK_PUBLISH_STATUSES)[number] {
  return (TIKTOK_PUBLISH_STATUSES as readonly string[]).includes(status);
}

export function toPublishStatus(data: z.output<typeof PublishStatusDataSchema>): PublishStatus {
  const status = data.status;
  return {
    ...(isDocumentedStatus(status) ? { status } : { status: 'UNKNOWN' as const, tiktokStatus: status }),
    failReason: data.fail_reason || null,
    postIds: data.publicaly_available_post_id ?? [],
    uploadedBytes: data.uploaded_bytes ?? 0,
  };
}

/**
 * TikTok sends `publicaly_available_post_id` as raw 19-digit JSON integers, which `JSON.parse`
 * rounds to the nearest double (7412345678901234567 → 7412345678901234000): the post URL would be
 * wrong. Node 20 has no `JSON.parse` source access, so before parsing, the bare integers inside that
 * one array are wrapped in quotes. Elements that are already strings are left alone; anything that
 * is not a plain integer is left for the schema to refuse. The look-behind skips a key that only
 * appears inside an escaped string.
 */
export function quotePublicPostIds(rawJson: string): string {
  return rawJson.replace(
    /(?<!\\)("publicaly_available_post_id"\s*:\s*\[)([^\]]*)(\])/g,
    (_match, open: string, items: string, close: string) => {
      const quoted = items
        .split(',')
        .map((item) => item.replace(/^(\s*)(\d+)(\s*)$/, '$1"$2"$3'))
        .join(',');
      return `${open}${quoted}${close}`;
    },
  );
}
