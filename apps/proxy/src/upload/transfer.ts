import type { IncomingMessage, ServerResponse } from 'node:http';
import { type VideoMimeType, containerRefusalMessage } from '@content-studio/contract';
import { AppError } from '../errors/app-error';
import { TikTokNetworkError, type ChunkRange, type TikTokClient } from '../tiktok';
import { LongStreamError, ShortStreamError, type ByteSplitter } from './byte-splitter';
import { isCompatibleFormat, SNIFF_BYTES, sniffVideoFormat } from './magic-bytes';

/**
 * Checks the container's magic bytes before anything is sent anywhere: a renamed PDF should fail
 * here in milliseconds, not at TikTok minutes later (and not after spending one of 6 inits a minute).
 */
export async function checkVideoHead(splitter: ByteSplitter, declared?: VideoMimeType): Promise<VideoMimeType> {
  const sniffed = sniffVideoFormat(await splitter.peek(SNIFF_BYTES));
  if (!sniffed.ok) throw new AppError('VIDEO_FORMAT_UNSUPPORTED', 415, containerRefusalMessage(sniffed));
  if (declared && !isCompatibleFormat(declared, sniffed.mimeType)) {
    throw new AppError(
      'VIDEO_FORMAT_UNSUPPORTED',
      415,
      `This file is ${sniffed.container === 'webm' ? 'a WebM' : 'an MP4 or MOV'} video, not the type that was declared (${declared}).`,
    );
  }
  return sniffed.mimeType;
}

/** Turns the splitter's length errors into what the creator or API caller should hear. */
function lengthError(error: unknown, range: ChunkRange, what: 'chunk' | 'file'): AppError | undefined {
  const cause = error instanceof TikTokNetworkError && error.failure === 'source' ? error.cause : error;
  if (cause instanceof ShortStreamError) {
    return new AppError(
      'VIDEO_SIZE_MISMATCH',
      400,
      `The ${what} ended after ${range.start + cause.received} bytes; ${range.end + 1} were declared. Nothing was published.`,
    );
  }
  if (cause instanceof LongStreamError) {
    return new AppError(
      'VIDEO_SIZE_MISMATCH',
      400,
      `The ${what} is larger than the declared size. Nothing was published; send the real size.`,
    );
  }
  return undefined;
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
export async function transferChunk(
  tiktok: TikTokClient,
  target: TransferTarget,
  range: ChunkRange,
  splitter: ByteSplitter,
  options: { signal?: AbortSignal; last?: boolean; finalCheck?: () => void; what?: 'chunk' | 'file' } = {},
) {
  const body = splitter.take(range.length, options.last ? { mustEnd: options.finalCheck ?? (() => undefined) } : {});
  try {
    return await tiktok.putVideoChunk({
      uploadUrl: target.uploadUrl,
      body,
      start: range.start,
      end: range.end,
      videoSize: target.videoSize,
      contentType: target.mimeType,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw lengthError(error, range, options.what ?? 'chunk') ?? error;
  }
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
