import type { ErrorCode } from '@content-studio/contract';

export interface AppErrorOptions {
  retryable?: boolean;
  tiktokLogId?: string;
  cause?: unknown;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  /** UPLOAD_OUT_OF_SYNC: what TikTok reports having received, for clients to resume from. */
  uploadedBytes?: number;
}

/**
 * The one error type routes throw. The error handler turns it into the contract's error body; its
 * message is shown to creators, so it must be plain language and never contain a token or URL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly retryable: boolean;
  readonly tiktokLogId: string | undefined;
  readonly headers: Record<string, string>;
  readonly uploadedBytes: number | undefined;

  constructor(code: ErrorCode, statusCode: number, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = statusCode;
    this.retryable = options.retryable ?? false;
    this.tiktokLogId = options.tiktokLogId;
    this.headers = options.headers ?? {};
    this.uploadedBytes = options.uploadedBytes;
  }
}
