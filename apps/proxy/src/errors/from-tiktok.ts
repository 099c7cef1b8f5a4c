import type { ErrorCode } from '@content-studio/contract';
import {
  TikTokApiError,
  TikTokNetworkError,
  TikTokOAuthError,
  TikTokProtocolError,
  TikTokTransferError,
  UploadUrlNotAllowedError,
} from '../tiktok';
import { AppError } from './app-error';

/**
 * What a creator is told when TikTok fails: the one place that turns the TikTok client's typed errors
 * into the contract's error codes, HTTP statuses and plain-language messages. The client itself
 * (tiktok/) only says what TikTok did; it owns no creator-facing text (docs/decisions/022-errors-surface-once.md).
 *
 * Messages are shown to creators: plain language, what happened and what to do, never TikTok's own
 * text (it can echo request data), never a token or URL.
 */

interface Mapping {
  code: ErrorCode;
  status: number;
  message: string;
  retryable?: boolean;
  headers?: Record<string, string>;
  uploadedBytes?: number;
}

/** TikTok documents no Retry-After; its windows are one minute (TikTok's Rate Limits page). */
const RATE_LIMITED: Mapping = {
  code: 'RATE_LIMITED',
  status: 429,
  message: 'TikTok is receiving too many requests from this account right now. Wait a minute and try again.',
  retryable: true,
  headers: { 'Retry-After': '60' },
};

const UPSTREAM_UNAVAILABLE: Mapping = {
  code: 'UPSTREAM_UNAVAILABLE',
  status: 502,
  message: 'TikTok is not responding properly right now. Please try again in a moment.',
  retryable: true,
};

const TOKEN_INVALID: Mapping = {
  code: 'TIKTOK_TOKEN_INVALID',
  status: 401,
  message: 'Your TikTok sign-in has expired or was revoked. Please sign in with TikTok again.',
};

const SCOPE_MISSING: Mapping = {
  code: 'TIKTOK_SCOPE_MISSING',
  status: 403,
  message:
    'TikTok has not given this app permission for this action. Sign in again and allow all the permissions the app asks for.',
};

const REJECTED_REQUEST: Mapping = {
  code: 'TIKTOK_REJECTED',
  status: 400,
  message: 'TikTok rejected the request. Please check the video and post settings and try again.',
};

const PUBLISH_NOT_FOUND: Mapping = {
  code: 'PUBLISH_NOT_FOUND',
  status: 404,
  message: 'TikTok does not know this post for the signed-in account.',
};

const CLIENT_MISCONFIGURED: Mapping = {
  code: 'OAUTH_CLIENT_MISCONFIGURED',
  status: 502,
  message:
    "This app's TikTok configuration is wrong, so TikTok refused the sign-in. Please contact the operator of this site.",
};

/** Keyed by TikTok's v2 `error.code` (TikTok's API v2 Error Handling page, and the error tables of Query Creator Info, Get Post Status and the Direct Post and Upload references). */
const API_CODE_MAPPINGS: Readonly<Record<string, Mapping>> = {
  access_token_invalid: TOKEN_INVALID,
  scope_not_authorized: SCOPE_MISSING,
  scope_permission_missed: SCOPE_MISSING,
  invalid_params: REJECTED_REQUEST,
  invalid_param: REJECTED_REQUEST,
  invalid_file_upload: {
    ...REJECTED_REQUEST,
    message: 'TikTok rejected the video file. Check that it is an MP4, MOV or WebM video within TikTok’s limits.',
  },
  rate_limit_exceeded: RATE_LIMITED,
  spam_risk_too_many_posts: {
    code: 'CREATOR_CANNOT_POST',
    status: 403,
    message: 'This TikTok account has reached its daily posting limit. Please try again later.',
  },
  spam_risk_user_banned_from_posting: {
    code: 'CREATOR_CANNOT_POST',
    status: 403,
    message: 'TikTok does not currently allow this account to post. Please try again later.',
  },
  reached_active_user_cap: {
    code: 'CREATOR_CANNOT_POST',
    status: 403,
    message: 'This app has reached the daily number of creators TikTok lets it post for. Please try again later.',
  },
  spam_risk_too_many_pending_share: {
    code: 'TOO_MANY_PENDING_DRAFTS',
    status: 403,
    message:
      'You have too many drafts waiting in your TikTok inbox. Open the TikTok app and post or delete some of them, then try again.',
  },
  privacy_level_option_mismatch: {
    code: 'PRIVACY_OPTION_MISMATCH',
    status: 409,
    message:
      "The chosen audience is not one of this account's current options. Please choose who can view the video again.",
  },
  unaudited_client_can_only_post_to_private_accounts: {
    code: 'UNAUDITED_APP_RESTRICTION',
    status: 403,
    message:
      'Until this app passes TikTok\'s review, TikTok only lets it post to private accounts, and only as "Only me". Switch your TikTok account to private, or wait until the app is approved.',
  },
  url_ownership_unverified: {
    ...REJECTED_REQUEST,
    message: 'TikTok rejected the request because the video location is not verified for this app.',
  },
  app_version_check_failed: {
    ...REJECTED_REQUEST,
    message: 'TikTok needs a newer version of the TikTok app on your phone for this. Update the app and try again.',
  },
  invalid_publish_id: PUBLISH_NOT_FOUND,
  token_not_authorized_for_specified_publish_id: PUBLISH_NOT_FOUND,
  publish_not_cancellable: {
    code: 'TIKTOK_REJECTED',
    status: 409,
    message: 'This post can no longer be cancelled.',
  },
  internal_error: UPSTREAM_UNAVAILABLE,
};

const OAUTH_MISCONFIGURATION_ERRORS = new Set([
  'invalid_client',
  'unauthorized_client',
  'invalid_request',
  'invalid_scope',
  'unsupported_grant_type',
  'unsupported_response_type',
]);

function fromApiError(err: TikTokApiError): Mapping {
  const known = Object.hasOwn(API_CODE_MAPPINGS, err.code) ? API_CODE_MAPPINGS[err.code] : undefined;
  if (known) return known;
  // Unknown or empty codes (TikTok's Direct Post table lists 5xx with an empty code): fall back on
  // the HTTP status, which is the best signal left.
  if (err.httpStatus >= 500) return UPSTREAM_UNAVAILABLE;
  if (err.httpStatus === 429) return RATE_LIMITED;
  if (err.httpStatus === 401) return TOKEN_INVALID;
  const safeCode = /^[a-z0-9_]{1,64}$/.test(err.code) ? ` (${err.code})` : '';
  return { code: 'TIKTOK_REJECTED', status: 502, message: `TikTok refused the request${safeCode}.` };
}

function fromOAuthError(err: TikTokOAuthError): Mapping {
  if (err.error === 'invalid_grant' || err.error === 'access_denied') {
    if (err.operation === 'exchange') {
      return {
        code: 'OAUTH_CODE_INVALID',
        status: 400,
        message:
          'The TikTok sign-in could not be completed because it expired or was already used. Please sign in again.',
      };
    }
    if (err.operation === 'refresh') {
      return {
        code: 'OAUTH_REFRESH_INVALID',
        status: 401,
        message: 'Your TikTok session can no longer be renewed. Please sign in with TikTok again.',
      };
    }
    return TOKEN_INVALID;
  }
  if (OAUTH_MISCONFIGURATION_ERRORS.has(err.error)) return CLIENT_MISCONFIGURED;
  if (err.error === 'server_error' || err.error === 'temporarily_unavailable' || err.httpStatus >= 500) {
    return UPSTREAM_UNAVAILABLE;
  }
  return {
    code: 'TIKTOK_REJECTED',
    status: 502,
    message: 'TikTok refused the sign-in request. Please try again later.',
  };
}

function fromTransferError(err: TikTokTransferError): Mapping {
  const status = err.httpStatus;
  if (status === 416) {
    const progress = err.uploadedBytes === undefined ? '' : ` TikTok has received ${err.uploadedBytes} bytes so far.`;
    return {
      code: 'UPLOAD_OUT_OF_SYNC',
      status: 409,
      message: `The upload got out of step with TikTok.${progress} Continue from where TikTok left off.`,
      ...(err.uploadedBytes === undefined ? {} : { uploadedBytes: err.uploadedBytes }),
    };
  }
  if (status === 403 || status === 404) {
    return {
      code: 'UPLOAD_RESTART_REQUIRED',
      status: 410,
      message:
        'TikTok no longer accepts this upload (its upload link expired or is unknown). Please start the upload again.',
    };
  }
  if (status === 400) {
    return { ...REJECTED_REQUEST, message: 'TikTok rejected this part of the video upload.' };
  }
  if (status === 429) return RATE_LIMITED;
  if (status >= 500) return UPSTREAM_UNAVAILABLE;
  // 3xx lands here on purpose: redirects are never followed (upload URLs are capabilities).
  return {
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
    message: "TikTok's upload server answered in an unexpected way. Please start the upload again.",
  };
}

function fromNetworkError(err: TikTokNetworkError): Mapping {
  switch (err.failure) {
    case 'timeout':
      return {
        code: 'UPSTREAM_TIMEOUT',
        status: 504,
        message: 'TikTok took too long to answer. Please try again in a moment.',
        retryable: true,
      };
    case 'connection':
      return {
        ...UPSTREAM_UNAVAILABLE,
        message: 'Could not reach TikTok right now. Please try again in a moment.',
      };
    case 'aborted':
      return { code: 'CLIENT_ABORTED', status: 499, message: 'The request was cancelled before it finished.' };
    case 'length-mismatch':
      return {
        code: 'VIDEO_SIZE_MISMATCH',
        status: 400,
        message: 'This part of the video did not have the expected number of bytes.',
      };
  }
}

function fromProtocolError(err: TikTokProtocolError): Mapping {
  if (err.httpStatus === 429) return RATE_LIMITED;
  return {
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
    message: 'TikTok sent an answer this app could not understand. Please try again later.',
    retryable: err.httpStatus >= 500,
  };
}

function logIdOf(err: unknown): string | undefined {
  if (err instanceof TikTokApiError || err instanceof TikTokOAuthError) return err.logId;
  return undefined;
}

/**
 * The one translator from anything the TikTok client throws to the proxy's `AppError`: contract
 * code, HTTP status, `retryable`, TikTok's log id (structured field only) and a plain-language
 * message. An `AppError` passes through unchanged; anything unrecognised is an internal error.
 *
 * @see https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
 * @see https://developers.tiktok.com/doc/oauth-error-handling
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;

  let mapping: Mapping | undefined;
  if (err instanceof TikTokApiError) mapping = fromApiError(err);
  else if (err instanceof TikTokOAuthError) mapping = fromOAuthError(err);
  else if (err instanceof TikTokTransferError) mapping = fromTransferError(err);
  else if (err instanceof TikTokNetworkError) mapping = fromNetworkError(err);
  else if (err instanceof TikTokProtocolError) mapping = fromProtocolError(err);
  else if (err instanceof UploadUrlNotAllowedError) {
    mapping = {
      code: 'UPSTREAM_UNAVAILABLE',
      status: 502,
      message:
        'TikTok asked for the video to be sent to an address this server does not trust, so nothing was sent. Please contact the operator of this site.',
    };
  }
  mapping ??= { code: 'INTERNAL', status: 500, message: 'Something went wrong on our side. Please try again.' };

  const logId = logIdOf(err);
  return new AppError(mapping.code, mapping.status, mapping.message, {
    retryable: mapping.retryable ?? false,
    ...(logId === undefined ? {} : { tiktokLogId: logId }),
    ...(mapping.headers === undefined ? {} : { headers: { ...mapping.headers } }),
    ...(mapping.uploadedBytes === undefined ? {} : { uploadedBytes: mapping.uploadedBytes }),
    cause: err,
  });
}
