/**
 * Typed errors for everything that can go wrong talking to TikTok. They say what TikTok (or the
 * network to it) did, in TikTok's terms; what a creator is told about them is decided outside this
 * folder, in errors/from-tiktok.ts (docs/decisions/022-errors-surface-once.md).
 *
 * None of these errors carries a token, code, secret or URL. TikTok's own free text (`message`,
 * `error_description`) is kept for logs only, with the secrets of the call and any URL scrubbed,
 * because TikTok sometimes echoes request data back in it.
 */

export type OAuthOperation = 'exchange' | 'refresh' | 'revoke';

/** A v2 API answer whose `error.code` is not `"ok"`, whatever the HTTP status (often 200). */
export class TikTokApiError extends Error {
  /** TikTok's code, verbatim, e.g. `spam_risk_too_many_posts`. */
  readonly code: string;
  readonly httpStatus: number;
  readonly logId: string | undefined;
  /** TikTok's `error.message`, scrubbed; for logs, never for creators. */
  readonly tiktokMessage: string;

  constructor(code: string, httpStatus: number, options: { logId?: string; tiktokMessage?: string } = {}) {
    super(`TikTok API error ${code || '(empty code)'} (HTTP ${httpStatus})`);
    this.name = 'TikTokApiError';
    this.code = code;
    this.httpStatus = httpStatus;
    this.logId = options.logId;
    this.tiktokMessage = options.tiktokMessage ?? '';
  }
}

/** A flat OAuth error `{error, error_description, log_id}` from `/v2/oauth/*` (often HTTP 200). */
export class TikTokOAuthError extends Error {
  readonly error: string;
  /** TikTok's `error_description`, scrubbed; for logs, never for creators. */
  readonly description: string;
  readonly logId: string | undefined;
  readonly httpStatus: number;
  /** `invalid_grant` means a bad code on exchange but a dead refresh token on refresh. */
  readonly operation: OAuthOperation;

  constructor(
    error: string,
    operation: OAuthOperation,
    httpStatus: number,
    options: { description?: string; logId?: string } = {},
  ) {
    super(`TikTok OAuth error ${error} during ${operation} (HTTP ${httpStatus})`);
    this.name = 'TikTokOAuthError';
    this.error = error;
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.description = options.description ?? '';
    this.logId = options.logId;
  }
}

/** A chunk PUT to the upload host answered with something other than 201/206. */
export class TikTokTransferError extends Error {
  readonly httpStatus: number;
  /** From the response's `Content-Range` when present; on 416 it tells where to resume. */
  readonly uploadedBytes: number | undefined;

  constructor(httpStatus: number, uploadedBytes?: number) {
    super(`TikTok upload host answered HTTP ${httpStatus}`);
    this.name = 'TikTokTransferError';
    this.httpStatus = httpStatus;
    this.uploadedBytes = uploadedBytes;
  }
}

/** TikTok answered, but not with JSON of the documented shape (e.g. a gateway's HTML 502 page). */
export class TikTokProtocolError extends Error {
  readonly httpStatus: number;
  /** What was wrong, by field path only (never values). */
  readonly detail: string;

  constructor(httpStatus: number, detail: string) {
    super(`unexpected answer from TikTok (HTTP ${httpStatus}): ${detail}`);
    this.name = 'TikTokProtocolError';
    this.httpStatus = httpStatus;
    this.detail = detail;
  }
}

export type NetworkFailure =
  /** headers or body did not arrive in time, or the connection could not be made in time */
  | 'timeout'
  /** refused, reset, DNS failure, malformed HTTP */
  | 'connection'
  /** the caller's AbortSignal fired (typically: the browser went away) */
  | 'aborted'
  /** the chunk's byte source yielded more or fewer bytes than its Content-Length */
  | 'length-mismatch';

/** No usable HTTP answer from TikTok. The undici error is kept as `cause` for logs. */
export class TikTokNetworkError extends Error {
  readonly failure: NetworkFailure;

  constructor(failure: NetworkFailure, cause?: unknown) {
    super(`request to TikTok failed: ${failure}`, { cause });
    this.name = 'TikTokNetworkError';
    this.failure = failure;
  }
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const CONNECTION_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_RESPONSE',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Classifies what undici threw; `undefined` means "not a network failure" (a bug: rethrow as is). */
export function classifyNetworkFailure(err: unknown): NetworkFailure | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') return 'length-mismatch';
  if (code === 'UND_ERR_ABORTED' || code === 'UND_ERR_ABORT') return 'aborted';
  if (CONNECTION_CODES.has(code) || code.startsWith('HPE_')) return 'connection';
  return undefined;
}

/**
 * Removes the call's secrets and any URL from TikTok's free text before it is stored on an error,
 * and caps its length. The secrets are known exactly (the token, code or secret we just sent), so
 * exact replacement is reliable; URLs go because upload URLs are capabilities, and anything shaped
 * like a TikTok token goes too.
 */
export function scrubTikTokText(text: string | undefined, secrets: readonly string[]): string {
  if (!text) return '';
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length >= 4) scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  scrubbed = scrubbed
    // TikTok's token prefixes (the examples of its Manage User Access Tokens page), for tokens this call did not send, e.g. the new pair of a
    // failed exchange.
    .replace(/\b(?:act|rft|clt)\.[\w.~!*%+/=-]+/g, '[redacted]')
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .replace(/((?:upload_)?token|code|secret)=[^&\s"]+/gi, '$1=[redacted]')
    // Any other long opaque word mixing letters and digits (codes, secrets of other calls): TikTok's
    // prose has none, so the cost is at most a publish id missing from a log line.
    .replace(/[\w.~!*%+/=-]{20,}/g, (word) => (/\d/.test(word) && /[a-z]/i.test(word) ? '[redacted]' : word));
  return scrubbed.length > 300 ? `${scrubbed.slice(0, 300)}…` : scrubbed;
}
