import { describe, expect, it } from 'vitest';
import {
  TikTokApiError,
  TikTokNetworkError,
  TikTokOAuthError,
  TikTokProtocolError,
  TikTokTransferError,
  UploadUrlNotAllowedError,
  type OAuthOperation,
} from '../tiktok';
import { AppError } from './app-error';
import { toAppError } from './from-tiktok';

function summary(err: AppError) {
  return { code: err.code, status: err.statusCode, retryable: err.retryable };
}

describe('toAppError: v2 API codes', () => {
  it.each([
    // [TikTok code, HTTP status TikTok used, contract code, proxy status, retryable]
    ['access_token_invalid', 401, 'TIKTOK_TOKEN_INVALID', 401, false],
    ['access_token_invalid', 200, 'TIKTOK_TOKEN_INVALID', 401, false],
    ['scope_not_authorized', 401, 'TIKTOK_SCOPE_MISSING', 403, false],
    ['scope_permission_missed', 400, 'TIKTOK_SCOPE_MISSING', 403, false],
    ['invalid_params', 400, 'TIKTOK_REJECTED', 400, false],
    ['invalid_param', 400, 'TIKTOK_REJECTED', 400, false],
    ['invalid_file_upload', 400, 'TIKTOK_REJECTED', 400, false],
    ['rate_limit_exceeded', 429, 'RATE_LIMITED', 429, true],
    ['spam_risk_too_many_posts', 200, 'CREATOR_CANNOT_POST', 403, false],
    ['spam_risk_too_many_posts', 403, 'CREATOR_CANNOT_POST', 403, false],
    ['spam_risk_user_banned_from_posting', 200, 'CREATOR_CANNOT_POST', 403, false],
    ['reached_active_user_cap', 200, 'CREATOR_CANNOT_POST', 403, false],
    ['spam_risk_too_many_pending_share', 403, 'TOO_MANY_PENDING_DRAFTS', 403, false],
    ['privacy_level_option_mismatch', 403, 'PRIVACY_OPTION_MISMATCH', 409, false],
    ['unaudited_client_can_only_post_to_private_accounts', 403, 'UNAUDITED_APP_RESTRICTION', 403, false],
    ['url_ownership_unverified', 403, 'TIKTOK_REJECTED', 400, false],
    ['app_version_check_failed', 400, 'TIKTOK_REJECTED', 400, false],
    ['invalid_publish_id', 400, 'PUBLISH_NOT_FOUND', 404, false],
    ['token_not_authorized_for_specified_publish_id', 400, 'PUBLISH_NOT_FOUND', 404, false],
    ['publish_not_cancellable', 400, 'TIKTOK_REJECTED', 409, false],
    ['internal_error', 500, 'UPSTREAM_UNAVAILABLE', 502, true],
    // Unknown or empty codes fall back on the HTTP status.
    ['', 500, 'UPSTREAM_UNAVAILABLE', 502, true],
    ['something_new', 503, 'UPSTREAM_UNAVAILABLE', 502, true],
    ['something_new', 429, 'RATE_LIMITED', 429, true],
    ['something_new', 401, 'TIKTOK_TOKEN_INVALID', 401, false],
    ['something_new', 200, 'TIKTOK_REJECTED', 502, false],
    ['something_new', 400, 'TIKTOK_REJECTED', 502, false],
  ] as const)('%s (HTTP %i) → %s %i', (tiktokCode, httpStatus, code, status, retryable) => {
    const appError = toAppError(new TikTokApiError(tiktokCode, httpStatus, { logId: 'LOG123' }));
    expect(summary(appError)).toEqual({ code, status, retryable });
    expect(appError.tiktokLogId).toBe('LOG123');
    expect(appError.message).not.toBe('');
  });

  it('gives the three "cannot post now" codes distinct messages that say to try later', () => {
    const messages = ['spam_risk_too_many_posts', 'spam_risk_user_banned_from_posting', 'reached_active_user_cap'].map(
      (code) => toAppError(new TikTokApiError(code, 200)).message,
    );
    expect(new Set(messages).size).toBe(3);
    for (const message of messages) expect(message).toMatch(/try again later/i);
    expect(messages[0]).toMatch(/daily posting limit/);
    expect(messages[1]).toMatch(/not currently allow this account/);
    expect(messages[2]).toMatch(/this app has reached/i);
  });

  it('explains the unaudited-app restriction in plain language', () => {
    const message = toAppError(new TikTokApiError('unaudited_client_can_only_post_to_private_accounts', 403)).message;
    expect(message).toMatch(/review/);
    expect(message).toMatch(/private accounts/);
    expect(message).toMatch(/Only me/);
  });

  it('says TikTok rejected the request for invalid params, without echoing TikTok’s text', () => {
    const err = new TikTokApiError('invalid_params', 400, { tiktokMessage: 'The chunk size is invalid' });
    const appError = toAppError(err);
    expect(appError.message).toMatch(/TikTok rejected/);
    expect(appError.message).not.toContain('chunk size is invalid');
    expect(appError.cause).toBe(err);
  });

  it('answers rate limits with Retry-After: 60', () => {
    expect(toAppError(new TikTokApiError('rate_limit_exceeded', 429)).headers).toEqual({ 'Retry-After': '60' });
  });

  it('names an unknown code only when it looks like a code', () => {
    expect(toAppError(new TikTokApiError('brand_new_code', 400)).message).toContain('(brand_new_code)');
    expect(toAppError(new TikTokApiError('<script>', 400)).message).not.toContain('<script>');
  });
});

describe('toAppError: OAuth errors', () => {
  it.each<[string, OAuthOperation, number, string, number, boolean]>([
    ['invalid_grant', 'exchange', 200, 'OAUTH_CODE_INVALID', 400, false],
    ['invalid_grant', 'exchange', 400, 'OAUTH_CODE_INVALID', 400, false],
    ['invalid_grant', 'refresh', 200, 'OAUTH_REFRESH_INVALID', 401, false],
    ['invalid_grant', 'revoke', 200, 'TIKTOK_TOKEN_INVALID', 401, false],
    ['access_denied', 'exchange', 200, 'OAUTH_CODE_INVALID', 400, false],
    ['access_denied', 'refresh', 200, 'OAUTH_REFRESH_INVALID', 401, false],
    ['invalid_client', 'exchange', 200, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['unauthorized_client', 'refresh', 400, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['invalid_request', 'exchange', 200, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['invalid_scope', 'exchange', 200, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['unsupported_grant_type', 'refresh', 200, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['unsupported_response_type', 'exchange', 200, 'OAUTH_CLIENT_MISCONFIGURED', 502, false],
    ['server_error', 'exchange', 200, 'UPSTREAM_UNAVAILABLE', 502, true],
    ['temporarily_unavailable', 'refresh', 503, 'UPSTREAM_UNAVAILABLE', 502, true],
    ['something_new', 'exchange', 500, 'UPSTREAM_UNAVAILABLE', 502, true],
    ['something_new', 'exchange', 200, 'TIKTOK_REJECTED', 502, false],
  ])('%s during %s (HTTP %i) → %s %i', (error, operation, httpStatus, code, status, retryable) => {
    const appError = toAppError(new TikTokOAuthError(error, operation, httpStatus, { logId: 'OAUTHLOG' }));
    expect(summary(appError)).toEqual({ code, status, retryable });
    expect(appError.tiktokLogId).toBe('OAUTHLOG');
  });

  it('tells the creator to contact the operator when the app is misconfigured', () => {
    expect(toAppError(new TikTokOAuthError('invalid_client', 'exchange', 200)).message).toMatch(
      /configuration is wrong.*contact the operator/,
    );
  });
});

describe('toAppError: chunk transfer', () => {
  it.each([
    [416, 'UPLOAD_OUT_OF_SYNC', 409, false],
    [403, 'UPLOAD_RESTART_REQUIRED', 410, false],
    [404, 'UPLOAD_RESTART_REQUIRED', 410, false],
    [400, 'TIKTOK_REJECTED', 400, false],
    [429, 'RATE_LIMITED', 429, true],
    [500, 'UPSTREAM_UNAVAILABLE', 502, true],
    [502, 'UPSTREAM_UNAVAILABLE', 502, true],
    [503, 'UPSTREAM_UNAVAILABLE', 502, true],
    [301, 'UPSTREAM_UNAVAILABLE', 502, false],
    [302, 'UPSTREAM_UNAVAILABLE', 502, false],
    [307, 'UPSTREAM_UNAVAILABLE', 502, false],
    [200, 'UPSTREAM_UNAVAILABLE', 502, false],
  ] as const)('HTTP %i → %s %i', (httpStatus, code, status, retryable) => {
    expect(summary(toAppError(new TikTokTransferError(httpStatus)))).toEqual({ code, status, retryable });
  });

  it('includes TikTok’s reported progress on 416, and says to start again on 403/404', () => {
    expect(toAppError(new TikTokTransferError(416, 10_485_760)).message).toContain('10485760 bytes');
    expect(toAppError(new TikTokTransferError(416)).message).not.toMatch(/\d/);
    expect(toAppError(new TikTokTransferError(403)).message).toMatch(/start the upload again/);
  });
});

describe('toAppError: network, protocol and other failures', () => {
  it.each([
    ['timeout', 'UPSTREAM_TIMEOUT', 504, true],
    ['connection', 'UPSTREAM_UNAVAILABLE', 502, true],
    ['aborted', 'CLIENT_ABORTED', 499, false],
    ['length-mismatch', 'VIDEO_SIZE_MISMATCH', 400, false],
  ] as const)('network failure %s → %s %i', (failure, code, status, retryable) => {
    expect(summary(toAppError(new TikTokNetworkError(failure)))).toEqual({ code, status, retryable });
  });

  it.each([
    [200, false],
    [400, false],
    [502, true],
    [504, true],
  ])('protocol error with HTTP %i → UPSTREAM_UNAVAILABLE 502, retryable %s', (httpStatus, retryable) => {
    expect(summary(toAppError(new TikTokProtocolError(httpStatus, 'body is not JSON')))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 502,
      retryable,
    });
  });

  it('maps a non-JSON 429 to RATE_LIMITED', () => {
    expect(toAppError(new TikTokProtocolError(429, 'body is not JSON')).code).toBe('RATE_LIMITED');
  });

  it('maps a refused upload URL to a non-retryable 502', () => {
    expect(summary(toAppError(new UploadUrlNotAllowedError('origin-not-allowed')))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 502,
      retryable: false,
    });
  });

  it('returns an AppError unchanged and turns anything else into INTERNAL', () => {
    const appError = new AppError('NOT_FOUND', 404, 'x');
    expect(toAppError(appError)).toBe(appError);
    expect(summary(toAppError(new TypeError('bug')))).toEqual({ code: 'INTERNAL', status: 500, retryable: false });
    expect(toAppError('a string').code).toBe('INTERNAL');
    // A network failure is classified where the request is made (tiktok/transport.ts), not here.
    expect(toAppError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).code).toBe('INTERNAL');
  });
});
