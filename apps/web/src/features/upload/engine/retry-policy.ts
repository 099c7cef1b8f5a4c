import type { ErrorCode } from '@content-studio/contract';
import { isApiError, retryAfterOf } from '@/lib/api-error';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
}

/** Per chunk: 1 s doubling to 30 s, six attempts (about a minute of trying before giving up). */
export const CHUNK_RETRY: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, maxAttempts: 6 };

/**
 * Delay before retry number `retry` (1 = the first retry). Full jitter (AWS architecture blog,
 * "Exponential Backoff And Jitter"): a uniform draw in [0, min(cap, base × 2^(retry−1))), so many
 * creators hit by the same TikTok hiccup do not come back in lockstep.
 */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(0.999_999, Math.max(0, random())) * ceiling);
}

/** Thrown into a chunk's request when no upload progress arrived for too long. */
export class UploadStallError extends Error {
  override readonly name = 'UploadStallError';
}

/** What the engine does about a failed chunk request. */
export type ChunkFailureAction =
  | { kind: 'retry'; retryAfterMs: number }
  | { kind: 'resync'; uploadedBytes: number }
  | { kind: 'restart' }
  | { kind: 'session-ended' }
  /** The session was sealed for another token (the page reloaded after a token refresh). */
  | { kind: 'rebind' }
  | { kind: 'fail' };

/** Passing failures: the same request can succeed a moment later. */
const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'RATE_LIMITED',
  'SERVICE_OVERLOADED',
]);

/** TikTok no longer takes bytes for this publish id; only a new init (a new post) could go on. */
const RESTART_CODES: ReadonlySet<ErrorCode> = new Set(['UPLOAD_RESTART_REQUIRED', 'UPLOAD_SESSION_EXPIRED']);

const SESSION_ENDED_CODES: ReadonlySet<ErrorCode> = new Set(['TIKTOK_TOKEN_INVALID', 'UNAUTHENTICATED']);

export function classifyChunkError(error: unknown): ChunkFailureAction {
  if (error instanceof UploadStallError) return { kind: 'retry', retryAfterMs: 0 };
  if (!isApiError(error)) return { kind: 'fail' };
  if (error.code === 'UPLOAD_OUT_OF_SYNC') {
    // The structured count when the proxy sent one; its message says the same for older proxies.
    const uploadedBytes = error.uploadedBytes ?? parseReportedBytes(error.message);
    return uploadedBytes === undefined ? { kind: 'fail' } : { kind: 'resync', uploadedBytes };
  }
  if (RESTART_CODES.has(error.code)) return { kind: 'restart' };
  // 403 is the proxy's "sealed for another token"; a 400 (malformed, tampered) cannot be mended.
  if (error.code === 'UPLOAD_SESSION_INVALID' && error.status === 403) return { kind: 'rebind' };
  if (SESSION_ENDED_CODES.has(error.code) || error.status === 401) return { kind: 'session-ended' };
  // Status 0 is "no answer at all" (offline, reset); a 5xx the proxy itself calls retryable counts too.
  if (RETRYABLE_CODES.has(error.code) || error.status === 0 || (error.retryable && error.status >= 500)) {
    return { kind: 'retry', retryAfterMs: retryAfterOf(error) };
  }
  return { kind: 'fail' };
}

/**
 * The proxy reports TikTok's progress only inside the 409's message ("TikTok has received 41943040
 * bytes so far."), so this reads the one number followed by "bytes"; anything else is unparseable.
 */
export function parseReportedBytes(message: string): number | undefined {
  const match = /(\d+)\s*bytes\b/i.exec(message);
  if (!match?.[1]) return undefined;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Whether a failed init certainly created nothing at TikTok. A 4xx is a definite "no"; so is
 * TikTok's own refusal. Anything else (no answer, a timeout, a 5xx, a 2xx we could not read) may
 * have created a publish id we never saw, and must not lead to a second init
 * (docs/requirements/security-reliability.md#no-duplicate-posts).
 */
export function initDefinitelyFailed(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status >= 400 && error.status < 500) return true;
  return error.code === 'TIKTOK_REJECTED' || error.code === 'OAUTH_CLIENT_MISCONFIGURED';
}
