import { z } from 'zod';

/**
 * Stable error codes of the proxy's API. Clients branch on these, never on messages, so a code is
 * never renamed or reused; add new ones instead.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_OVERLOADED',
  'INTERNAL',
  // Sign-in
  'OAUTH_CODE_INVALID',
  'OAUTH_REFRESH_INVALID',
  'OAUTH_CLIENT_MISCONFIGURED',
  'TIKTOK_TOKEN_INVALID',
  'TIKTOK_SCOPE_MISSING',
  // Posting
  'CREATOR_CANNOT_POST',
  'PRIVACY_OPTION_MISMATCH',
  'UNAUDITED_APP_RESTRICTION',
  'TOO_MANY_PENDING_DRAFTS',
  'PUBLISH_NOT_FOUND',
  // Upload transfer
  'VIDEO_FORMAT_UNSUPPORTED',
  'VIDEO_TOO_LARGE',
  'VIDEO_SIZE_MISMATCH',
  'UPLOAD_SESSION_INVALID',
  'UPLOAD_SESSION_EXPIRED',
  'UPLOAD_OUT_OF_SYNC',
  'UPLOAD_RESTART_REQUIRED',
  'CLIENT_ABORTED',
  // TikTok itself
  'TIKTOK_REJECTED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one error body every proxy error is answered with. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    retryable: z.boolean(),
    /** TikTok's log id, for support requests, when TikTok was involved. */
    tiktokLogId: z.string().optional(),
    /**
     * With UPLOAD_OUT_OF_SYNC: the bytes TikTok holds for this upload, when it said. Continue with
     * the chunk that starts there (the message says the same in words).
     */
    uploadedBytes: z.number().int().min(0).optional(),
    /**
     * The id of the request this answers, also in the proxy's response header `x-request-id` and in
     * each of its log lines: quote it in a support request. The proxy always sends it; it is optional
     * here so clients still read error bodies of a proxy from before it existed.
     */
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
