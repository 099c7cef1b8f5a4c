import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CONTAINER_SNIFF_BYTES,
  containerRefusalMessage,
  isCompatibleVideoType,
  sniffVideoContainer,
  type ChunkRange,
  type VideoMimeType,
} from '@content-studio/contract';
import { AppError } from '../errors/app-error';
import type { TikTokClient } from '../tiktok';
import { LongStreamError, ShortStreamError, type ByteSplitter } from './byte-splitter';

/**
 * Checks the container's magic bytes before anything is sent anywhere: a renamed PDF, an audio-only
 * M4A or a Matroska file should fail here in milliseconds, not at TikTok minutes later (and not after
 * spending one of 6 inits a minute). The rule is the contract's, the one the compose screen runs too
 * (docs/decisions/013-first-bytes-container-rule.md).
 */
export async function checkVideoHead(splitter: ByteSplitter, declared?: VideoMimeType): Promise<VideoMimeType> {
  const head = await splitter.peek(CONTAINER_SNIFF_BYTES).catch((error: unknown) => {
    throw sourceFailure(error);
  });
  const sniffed = sniffVideoContainer(head);
  if (!sniffed.ok) throw new AppError('VIDEO_FORMAT_UNSUPPORTED', 415, containerRefusalMessage(sniffed));
  if (declared && !isCompatibleVideoType(declared, sniffed.mimeType)) {
    throw new AppError(
      'VIDEO_FORMAT_UNSUPPORTED',
      415,
      `This file is ${sniffed.container === 'webm' ? 'a WebM' : 'an MP4 or MOV'} video, not the type that was declared (${declared}).`,
    );
  }
  return sniffed.mimeType;
}

/**
 * What the creator or API caller hears when the bytes they send fail: the splitter's length errors,
 * a size check's own AppError, or their connection breaking. Classified here, where the client's
 * bytes are read, and only here: the TikTok client hands a chunk's source failure back unchanged
 * (docs/decisions/022-errors-surface-once.md).
 */
function sourceFailure(error: unknown, chunk?: { range: ChunkRange; what: 'chunk' | 'file' }): AppError {
  if (error instanceof AppError) return error;
  if (chunk && error instanceof ShortStreamError) {
    return new AppError(
      'VIDEO_SIZE_MISMATCH',
      400,
      `The ${chunk.what} ended after ${chunk.range.start + error.received} bytes; ${chunk.range.end + 1} were declared. Nothing was published.`,
      { cause: error },
    );
  }
  if (chunk && error instanceof LongStreamError) {
    return new AppError(
      'VIDEO_SIZE_MISMATCH',
      400,
      `The ${chunk.what} is larger than the declared size. Nothing was published; send the real size.`,
      { cause: error },
    );
  }
  return new AppError(
    'CLIENT_ABORTED',
    499,
    'The video data stopped arriving before this part was complete. Please try again.',
    { retryable: true, cause: error },
  );
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
    // The slice says whether the failure was its own source's; anything else is TikTok's side.
    if (body.sourceError !== undefined && error === body.sourceError) {
      throw sourceFailure(error, { range, what: options.what ?? 'chunk' });
    }
    throw error;
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
