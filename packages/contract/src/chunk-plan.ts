import { MAX_VIDEO_BYTES } from './posting';

/**
 * TikTok's media transfer rules (spec §3.5). "MB" in TikTok's docs means MiB: their 4 MB example is
 * 4,194,304 bytes.
 */
export const MiB = 1024 * 1024;
export const MIN_CHUNK_BYTES = 5 * MiB;
export const MAX_CHUNK_BYTES = 64 * MiB;
/** The last chunk absorbs the remainder, so it may grow to just under twice the chunk size. */
export const MAX_FINAL_CHUNK_BYTES = 128 * MiB;
export const MAX_CHUNK_COUNT = 1000;
export const DEFAULT_CHUNK_BYTES = 10 * MiB;

export interface ChunkPlan {
  /** Bytes in every chunk but the last; equals the video size for a one-chunk upload. */
  readonly chunkSize: number;
  /** TikTok's `total_chunk_count`: floor(videoSize / chunkSize), never ceil. */
  readonly chunkCount: number;
}

export interface ChunkRange {
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, inclusive (HTTP Content-Range convention). */
  readonly end: number;
  readonly length: number;
}

function assertVideoSize(videoSize: number): void {
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0) {
    throw new RangeError('videoSize must be a positive integer');
  }
  if (videoSize > MAX_VIDEO_BYTES) {
    throw new RangeError('videoSize exceeds TikTok’s 4 GiB limit');
  }
}

/**
 * Chooses the chunk size and count sent to TikTok's init, following the spec's recommended planner.
 *
 * Two traps this avoids, both seen in public clients: rounding the count up ("The total chunk count
 * is invalid") and a 64–128 MiB file planned as one 64 MiB chunk ("The chunk size is invalid"),
 * which the `floor(size / 2)` cap rules out by always giving big files at least two chunks.
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export function planChunks(videoSize: number, preferredChunkSize: number = DEFAULT_CHUNK_BYTES): ChunkPlan {
  assertVideoSize(videoSize);
  if (!Number.isSafeInteger(preferredChunkSize) || preferredChunkSize <= 0) {
    throw new RangeError('preferredChunkSize must be a positive integer');
  }
  // Whole upload: mandatory below 5 MiB, allowed up to 64 MiB, and then chunk_size must equal size.
  if (videoSize <= MAX_CHUNK_BYTES) return { chunkSize: videoSize, chunkCount: 1 };

  const chunkSize = Math.max(
    MIN_CHUNK_BYTES,
    Math.min(preferredChunkSize, MAX_CHUNK_BYTES, Math.floor(videoSize / 2)),
  );
  const chunkCount = Math.floor(videoSize / chunkSize);
  if (chunkCount > MAX_CHUNK_COUNT) {
    throw new RangeError('the plan would need more than 1000 chunks');
  }
  return { chunkSize, chunkCount };
}

/**
 * Whether TikTok would accept this `source_info` triple. Mirrors the server-side checks the spec
 * describes (§3.5, §6), so a bad plan is caught before it costs one of the 6 init calls a minute.
 */
export function isValidChunkPlan(videoSize: number, chunkSize: number, chunkCount: number): boolean {
  if (![videoSize, chunkSize, chunkCount].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  if (videoSize > MAX_VIDEO_BYTES) return false;
  if (chunkCount === 1) return chunkSize === videoSize && videoSize <= MAX_CHUNK_BYTES;
  if (chunkSize < MIN_CHUNK_BYTES || chunkSize > MAX_CHUNK_BYTES) return false;
  if (chunkCount > MAX_CHUNK_COUNT || chunkCount !== Math.floor(videoSize / chunkSize)) return false;
  return videoSize - (chunkCount - 1) * chunkSize <= MAX_FINAL_CHUNK_BYTES;
}

/**
 * Byte range of chunk `index` (0-based). Every chunk has `chunkSize` bytes except the last, which
 * runs to the end of the file: TikTok merges the remainder into it rather than sending an extra one.
 */
export function chunkRange(plan: ChunkPlan, videoSize: number, index: number): ChunkRange {
  assertVideoSize(videoSize);
  if (!isValidChunkPlan(videoSize, plan.chunkSize, plan.chunkCount)) {
    throw new RangeError('the chunk plan does not fit this video size');
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= plan.chunkCount) {
    throw new RangeError('chunk index is outside the plan');
  }
  const start = index * plan.chunkSize;
  const end = index === plan.chunkCount - 1 ? videoSize - 1 : start + plan.chunkSize - 1;
  return { start, end, length: end - start + 1 };
}
