import type { ErrorCode } from '@content-studio/contract';

export type ApiErrorInit = {
  code: ErrorCode;
  message: string;
  /** HTTP status, or 0 when no response arrived at all. */
  status: number;
  retryable: boolean;
  tiktokLogId?: string | undefined;
  /** UPLOAD_OUT_OF_SYNC: the bytes TikTok holds, when the proxy said. */
  uploadedBytes?: number | undefined;
  /** How long the server asked us to wait before trying again (its Retry-After), when it said. */
  retryAfterMs?: number | undefined;
  /**
   * True when `message` is the proxy's own (always English, and free to change); false when the
   * SPA made it, in the creator's language at that moment. See `creatorMessage`.
   */
  fromServer?: boolean;
  cause?: unknown;
};

/**
 * Every failed API call surfaces as one of these. UI code branches on `code` (stable, from the
 * contract) and `retryable`, never on `message` or `status`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly tiktokLogId: string | undefined;
  readonly uploadedBytes: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly fromServer: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable;
    this.tiktokLogId = init.tiktokLogId;
    this.uploadedBytes = init.uploadedBytes;
    this.retryAfterMs = init.retryAfterMs;
    this.fromServer = init.fromServer ?? false;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The wait a failed call's Retry-After asked for, in ms; 0 when it asked for none. */
export function retryAfterOf(error: unknown): number {
  const value = isApiError(error) ? error.retryAfterMs : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
