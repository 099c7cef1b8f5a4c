import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { errorFromBody } from '@/lib/api-client';
import { setLocale } from '@/lib/i18n';
import { apiError } from '../testing/fake-upload-transport';
import {
  backoffDelayMs,
  CHUNK_RETRY,
  classifyChunkError,
  initDefinitelyFailed,
  parseReportedBytes,
  UploadStallError,
} from './retry-policy';

describe('backoff', () => {
  it('doubles from 1 s and stops growing at 30 s', () => {
    const max = (retry: number) => backoffDelayMs(retry, CHUNK_RETRY, () => 0.999_999_9);
    expect([1, 2, 3, 4, 5, 6, 10].map(max)).toEqual([999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999]);
  });

  it('uses full jitter: anywhere from zero up to the ceiling', () => {
    expect(backoffDelayMs(3, CHUNK_RETRY, () => 0)).toBe(0);
    expect(backoffDelayMs(3, CHUNK_RETRY, () => 0.5)).toBe(2_000);
    const draws = Array.from({ length: 200 }, () => backoffDelayMs(4, CHUNK_RETRY));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(8_000);
    expect(new Set(draws).size).toBeGreaterThan(100);
  });

  it('gives a chunk six attempts in all', () => {
    expect(CHUNK_RETRY.maxAttempts).toBe(6);
  });
});

describe('what a failed chunk leads to', () => {
  it.each([
    ['UPSTREAM_UNAVAILABLE', 502],
    ['UPSTREAM_TIMEOUT', 504],
    ['RATE_LIMITED', 429],
    ['SERVICE_OVERLOADED', 503],
  ] as const)('%s (%i) retries the same chunk', (code, status) => {
    expect(classifyChunkError(apiError(code, status))).toEqual({ kind: 'retry', retryAfterMs: 0 });
  });

  it('retries a network failure (no answer at all) and a stall', () => {
    expect(classifyChunkError(apiError('UPSTREAM_UNAVAILABLE', 0)).kind).toBe('retry');
    expect(classifyChunkError(new UploadStallError('stuck')).kind).toBe('retry');
  });

  it('honours Retry-After', () => {
    expect(classifyChunkError(apiError('RATE_LIMITED', 429, 'slow down', { retryAfterMs: 7_000 }))).toEqual({
      kind: 'retry',
      retryAfterMs: 7_000,
    });
  });

  it("resyncs to TikTok's byte count on UPLOAD_OUT_OF_SYNC, and fails when there is none", () => {
    const message =
      'The upload got out of step with TikTok. TikTok has received 41943040 bytes so far. Continue from where TikTok left off.';
    expect(classifyChunkError(apiError('UPLOAD_OUT_OF_SYNC', 409, message))).toEqual({
      kind: 'resync',
      uploadedBytes: 41_943_040,
    });
    expect(classifyChunkError(apiError('UPLOAD_OUT_OF_SYNC', 409, 'The upload got out of step with TikTok.'))).toEqual({
      kind: 'fail',
    });
  });

  it('prefers the structured byte count of UPLOAD_OUT_OF_SYNC over the message', () => {
    const error = new ApiError({
      code: 'UPLOAD_OUT_OF_SYNC',
      status: 409,
      message: 'Out of step.',
      retryable: false,
      uploadedBytes: 20_971_520,
    });
    expect(classifyChunkError(error)).toEqual({ kind: 'resync', uploadedBytes: 20_971_520 });
  });

  it('cannot continue after UPLOAD_RESTART_REQUIRED or UPLOAD_SESSION_EXPIRED', () => {
    expect(classifyChunkError(apiError('UPLOAD_RESTART_REQUIRED', 410)).kind).toBe('restart');
    expect(classifyChunkError(apiError('UPLOAD_SESSION_EXPIRED', 410)).kind).toBe('restart');
  });

  it('stops on an ended session', () => {
    expect(classifyChunkError(apiError('TIKTOK_TOKEN_INVALID', 401)).kind).toBe('session-ended');
  });

  it.each([
    ['UPLOAD_SESSION_INVALID', 400],
    ['VIDEO_FORMAT_UNSUPPORTED', 415],
    ['VIDEO_SIZE_MISMATCH', 400],
    ['VALIDATION_FAILED', 400],
  ] as const)('fails on %s', (code, status) => {
    expect(classifyChunkError(apiError(code, status, code, { retryable: false })).kind).toBe('fail');
  });

  it('fails on anything that is not an API error (a bug is not retried)', () => {
    expect(classifyChunkError(new TypeError('oops')).kind).toBe('fail');
  });

  it('reads the byte count out of the message', () => {
    expect(parseReportedBytes('TikTok has received 1234 bytes so far.')).toBe(1234);
    expect(parseReportedBytes('no number here')).toBeUndefined();
  });

  it("reads the count from the proxy's English words whatever language the creator reads", async () => {
    await setLocale('pt-BR', { remember: false });
    const outOfSync = errorFromBody(409, {
      error: {
        code: 'UPLOAD_OUT_OF_SYNC',
        message:
          'The upload got out of step with TikTok. TikTok has received 41943040 bytes so far. Continue from where TikTok left off.',
        retryable: true,
      },
    });

    expect(classifyChunkError(outOfSync)).toEqual({ kind: 'resync', uploadedBytes: 41_943_040 });
  });
});

describe('whether a failed init created nothing', () => {
  it('is sure for 4xx answers and TikTok refusals', () => {
    expect(initDefinitelyFailed(apiError('PRIVACY_OPTION_MISMATCH', 409))).toBe(true);
    expect(initDefinitelyFailed(apiError('RATE_LIMITED', 429))).toBe(true);
    expect(initDefinitelyFailed(apiError('TIKTOK_REJECTED', 502))).toBe(true);
  });

  it('is not sure about timeouts, lost answers and unreadable successes', () => {
    expect(initDefinitelyFailed(apiError('UPSTREAM_TIMEOUT', 504))).toBe(false);
    expect(initDefinitelyFailed(apiError('UPSTREAM_UNAVAILABLE', 0))).toBe(false);
    expect(initDefinitelyFailed(new ApiError({ code: 'INTERNAL', status: 201, message: 'x', retryable: false }))).toBe(
      false,
    );
    expect(initDefinitelyFailed(new Error('x'))).toBe(false);
  });
});
