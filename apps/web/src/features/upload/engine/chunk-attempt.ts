import type { ChunkResponse } from '@content-studio/contract';
import { UploadStallError } from './retry-policy';
import type { PutChunkInput, UploadTransport } from './upload-types';
import { t } from '@/lib/i18n';

export interface ChunkAttemptTiming {
  /** No upload progress for this long while bytes remain: the connection is stuck. */
  stallMs: number;
  /** All bytes of a chunk sent and no answer for this long: give up on that attempt. */
  responseTimeoutMs: number;
  watchdogTickMs: number;
}

export interface ChunkAttempt {
  transport: UploadTransport;
  input: PutChunkInput & { accessToken: string };
  timing: ChunkAttemptTiming;
  now: () => number;
  /** Bytes of this chunk that have left so far, whenever XHR says. */
  onProgress: (loadedBytes: number) => void;
  /** The job's signal: cancel, dismiss or page unload abort the attempt with its reason. */
  signal: AbortSignal;
}

/**
 * One PUT of one chunk, with its watchdog: an attempt that makes no progress for `stallMs` (or,
 * once every byte is out, gets no answer for `responseTimeoutMs`) is aborted with an
 * {@link UploadStallError}, which the caller retries like any passing failure. An abort of the
 * job's own signal rejects with that signal's reason, so the caller can tell the two apart.
 */
export async function sendChunkAttempt({
  transport,
  input,
  timing,
  now,
  onProgress,
  signal,
}: ChunkAttempt): Promise<ChunkResponse> {
  const length = input.body.size;
  const attempt = new AbortController();
  const forwardAbort = () => attempt.abort(signal.reason);
  signal.addEventListener('abort', forwardAbort, { once: true });
  let loaded = 0;
  let lastProgressAt = now();
  const watchdog = setInterval(() => {
    const allSent = loaded >= length;
    const limit = allSent ? timing.responseTimeoutMs : timing.stallMs;
    if (now() - lastProgressAt >= limit) {
      attempt.abort(
        new UploadStallError(
          allSent
            ? t('upload.error.noAnswer', { seconds: Math.round(limit / 1000), part: input.index + 1 })
            : t('upload.error.noProgress', { seconds: Math.round(limit / 1000) }),
        ),
      );
    }
  }, timing.watchdogTickMs);
  try {
    return await transport.putChunk(
      input,
      (bytes) => {
        if (bytes > loaded) lastProgressAt = now();
        loaded = Math.min(bytes, length);
        onProgress(loaded);
      },
      attempt.signal,
    );
  } catch (error) {
    // Our watchdog's abort is a stall; the job's own abort (or any other failure) passes through.
    throw attempt.signal.aborted && !signal.aborted ? attempt.signal.reason : error;
  } finally {
    clearInterval(watchdog);
    signal.removeEventListener('abort', forwardAbort);
  }
}

/** A timer that an abort cuts short (rejecting with the signal's reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
