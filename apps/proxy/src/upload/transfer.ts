import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VideoMimeType } from '@content-studio/contract';
import { AppError } from '../errors/app-error';
import type { ChunkRange, TikTokClient } from '../tiktok';
import { LongStreamError, ShortStreamError, type ByteSplitter } from './byte-splitter';
import { isCompatibleFormat, SNIFF_BYTES, sniffVideoFormat } from './magic-bytes';

/**
 * Checks the container's magic bytes before anything is sent anywhere: a renamed PDF should fail
 * here in milliseconds, not at TikTok minutes later (and not after spending one of 6 inits a minute).
 */
export async function checkVideoHead(splitter: ByteSplitter, declared?: VideoMimeType): Promise<VideoMimeType> {
  const sniffed = sniffVideoFormat(await splitter.peek(SNIFF_BYTES));
  if (!sniffed || (declared && !isCompatibleFormat(declared, sniffed))) {
    throw new AppError(
      'VIDEO_FORMAT_UNSUPPORTED',
      415,
      'This file is not an MP4, MOV or WebM video. Export it as MP4 (H.264) and try again.',
    );
  }
  return sniffed;
}

/** Turns the splitter's length errors into what the creator or API caller should hear. */
async function* exactBytes(
  pieces: AsyncGenerator<Uint8Array>,
  range: ChunkRange,
  what: 'chunk' | 'file',
): AsyncGenerator<Uint8Array> {
  try {
    yield* pieces;
  } catch (error) {
    if (error instanceof ShortStreamError) {
      throw new AppError(
        'VIDEO_SIZE_MISMATCH',
        400,
        `The ${what} ended after ${range.start + error.received} bytes; ${range.end + 1} were declared. Nothing was published.`,
      );
    }
    if (error instanceof LongStreamError) {
      throw new AppError(
        'VIDEO_SIZE_MISMATCH',
        400,
        `The ${what} is larger than the declared size. Nothing was published; send the real size.`,
      );
    }
    throw error;
  }
}

export interface TransferTarget {
  uploadUrl: string;
  videoSize: number;
  mimeType: VideoMimeType;
}

/**
 * Streams one chunk's bytes from the splitter into TikTok's PUT. The bytes flow straight from the
 * client's socket into TikTok's socket; backpressure travels back the same way.
 */
export function transferChunk(
  tiktok: TikTokClient,
  target: TransferTarget,
  range: ChunkRange,
  splitter: ByteSplitter,
  options: { signal?: AbortSignal; last?: boolean; finalCheck?: () => void; what?: 'chunk' | 'file' } = {},
) {
  const pieces = splitter.take(range.length, options.last ? { mustEnd: options.finalCheck ?? (() => undefined) } : {});
  return tiktok.putVideoChunk({
    uploadUrl: target.uploadUrl,
    body: exactBytes(pieces, range, options.what ?? 'chunk'),
    start: range.start,
    end: range.end,
    videoSize: target.videoSize,
    contentType: target.mimeType,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * An AbortSignal that fires when the client goes away before the exchange is complete. Fastify's own
 * `request.signal` also fires when the body merely ends, which would abort a healthy upload.
 */
export function clientGoneSignal(raw: IncomingMessage, res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableEnded) controller.abort(new Error('client went away'));
  };
  res.once('close', onClose);
  raw.once('aborted', onClose);
  return controller.signal;
}

/**
 * After a failed transfer the client may still be sending. Left alone, its request stays paused
 * (our reader stopped) and the connection hangs: the client never finishes sending, so never reads
 * our error. A chunk (≤ 128 MiB) is drained and discarded so the client reads a clean answer and can
 * retry on the same connection; a whole file may be gigabytes, so that connection is closed instead.
 */
export function releaseRequestBody(raw: IncomingMessage, reply: { header(name: string, value: string): unknown }, how: 'drain' | 'close') {
  if (raw.complete || raw.destroyed) return;
  if (how === 'close') {
    reply.header('connection', 'close');
    return;
  }
  raw.removeAllListeners('readable');
  raw.on('data', () => undefined);
  raw.resume();
}
