import { MAX_VIDEO_BYTES } from './posting';

/**
 * TikTok's Media Transfer Guide writes its chunk rules in "MB" (5 MB, 64 MB, 128 MB) without saying
 * whether a MB is 1,000,000 or 1,048,576 bytes: its 4 MB example is 4,194,304 bytes, yet public
 * reports have single-chunk uploads succeed up to 64,000,000 bytes and some multi-chunk inits just
 * above it refused. Every limit below is the stricter of the two readings, so a plan is valid
 * whichever one TikTok's server applies (docs/decisions/009).
 */
export const MiB = 1024 * 1024;
/** 5 MiB is more than 5,000,000. */
export const MIN_CHUNK_BYTES = 5 * MiB;
/** 64,000,000 is less than 64 MiB; also the largest whole-file (one-chunk) upload. */
export const MAX_CHUNK_BYTES = 64_000_000;
/** The last chunk absorbs the remainder; 128,000,000 is less than 128 MiB. */
export const MAX_FINAL_CHUNK_BYTES = 128_000_000;
const MAX_CHUNK_COUNT = 1000;
/** What the proxy plans when the client states no preference (API clients, the one-shot path). */
export const DEFAULT_CHUNK_BYTES = 10 * MiB;
/**
 * The chunk size the SPA asks for: the largest TikTok's Media Transfer Guide allows. The browser
 * sends one chunk at a time (TikTok wants them in order), and each chunk costs a full round trip
 * through the proxy to TikTok and back before the next can start; at 10 MiB a 1 GiB video waited
 * through ~100 of them, about 40 % of its upload time in `pnpm bench:browser`. The chunk is a `File`
 * slice that the browser streams from disk, so the tab's memory stays flat whatever its size. The
 * price: a chunk that fails is sent again whole, up to 64,000,000 bytes instead of 10 MiB
 * (docs/decisions/026).
 */
export const PREFERRED_BROWSER_CHUNK_BYTES = MAX_CHUNK_BYTES;

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
    throw new RangeError('videoSize exceeds TikTok’s 4 GB limit');
  }
}

/**
 * Chooses the chunk size and count sent to TikTok's init.
 *
 * Two traps this avoids, both seen in public clients: rounding the count up ("The total chunk count
 * is invalid") and a file just over the one-chunk limit planned as one chunk ("The chunk size is
 * invalid"), which the `floor(size / 2)` cap rules out by always giving big files at least two
 * chunks. The last chunk is then below 2 × chunkSize ≤ 128,000,000 bytes.
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export function planChunks(videoSize: number, preferredChunkSize: number = DEFAULT_CHUNK_BYTES): ChunkPlan {
  assertVideoSize(videoSize);
  if (!Number.isSafeInteger(preferredChunkSize) || preferredChunkSize <= 0) {
    throw new RangeError('preferredChunkSize must be a positive integer');
  }
  // Whole upload: mandatory below 5 MB, allowed up to 64 MB, and then chunk_size must equal size.
  if (videoSize <= MAX_CHUNK_BYTES) return { chunkSize: videoSize, chunkCount: 1 };

  const chunkSize = Math.max(MIN_CHUNK_BYTES, Math.min(preferredChunkSize, MAX_CHUNK_BYTES, Math.floor(videoSize / 2)));
  const chunkCount = Math.floor(videoSize / chunkSize);
  if (chunkCount > MAX_CHUNK_COUNT) {
    throw new RangeError('the plan would need more than 1000 chunks');
  }
  return { chunkSize, chunkCount };
}

/**
 * A different valid plan for a video whose first plan TikTok refused with "The chunk size is invalid"
 * (seen in public reports for multi-chunk inits whose cause TikTok never explained): the largest
 * chunks the rules allow, else the smallest. A 400 init creates no post, so trying once more is safe.
 * Undefined when no other plan exists (a file small enough to be sent whole has only that one).
 */
export function fallbackChunkPlan(videoSize: number, refused: ChunkPlan): ChunkPlan | undefined {
  if (refused.chunkCount === 1) return undefined;
  for (const preferred of [MAX_CHUNK_BYTES, MIN_CHUNK_BYTES]) {
    const plan = planChunks(videoSize, preferred);
    if (plan.chunkSize !== refused.chunkSize) return plan;
  }
  return undefined;
}

/**
 * Whether TikTok would accept this `source_info` triple under either reading of "MB", so a bad plan
 * is caught before it costs one of the 6 init calls a minute.
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
 * Whether `plan` cuts `videoSize` bytes into whole chunks the way TikTok counts them: one chunk of the
 * whole file, or `floor(videoSize / chunkSize)` chunks with the remainder in the last. This is only the
 * plan's shape, not TikTok's limits: those are checked where a plan is made (`planChunks`) and where it
 * is sent to TikTok (`isValidChunkPlan` in the proxy's init), so the ranges below also serve the SPA's
 * engine tests, whose plans of a few bytes stand for real ones, and the SPA's check of a plan the
 * proxy answered or the tab stored.
 */
export function isChunkPlanOf(plan: ChunkPlan, videoSize: number): boolean {
  const { chunkSize, chunkCount } = plan;
  if (![videoSize, chunkSize, chunkCount].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  if (chunkCount === 1) return chunkSize === videoSize;
  return chunkCount === Math.floor(videoSize / chunkSize);
}

function assertPlanOf(plan: ChunkPlan, videoSize: number): void {
  assertVideoSize(videoSize);
  if (!isChunkPlanOf(plan, videoSize)) throw new RangeError('the chunk plan does not fit this video size');
}

/**
 * Byte range of chunk `index` (0-based). Every chunk has `chunkSize` bytes except the last, which
 * runs to the end of the file: TikTok merges the remainder into it rather than sending an extra one.
 */
export function chunkRange(plan: ChunkPlan, videoSize: number, index: number): ChunkRange {
  assertPlanOf(plan, videoSize);
  if (!Number.isSafeInteger(index) || index < 0 || index >= plan.chunkCount) {
    throw new RangeError('chunk index is outside the plan');
  }
  const start = index * plan.chunkSize;
  const end = index === plan.chunkCount - 1 ? videoSize - 1 : start + plan.chunkSize - 1;
  return { start, end, length: end - start + 1 };
}

/** Every chunk of the plan, numbered, in the order they are sent. */
export function chunkRanges(plan: ChunkPlan, videoSize: number): Array<ChunkRange & { readonly index: number }> {
  return Array.from({ length: plan.chunkCount }, (_, index) => ({ index, ...chunkRange(plan, videoSize, index) }));
}

/** Bytes held by the first `count` chunks: what TikTok has once they are acknowledged. */
export function bytesInFirstChunks(plan: ChunkPlan, videoSize: number, count: number): number {
  assertPlanOf(plan, videoSize);
  if (count <= 0) return 0;
  if (count >= plan.chunkCount) return videoSize;
  return count * plan.chunkSize;
}

/**
 * How many leading chunks TikTok holds completely when it reports `uploadedBytes` (a count, as the
 * proxy derives it from TikTok's Content-Range). A chunk only half received is not done: chunks are
 * fixed ranges, so it is sent again whole.
 */
export function chunksCoveredBy(plan: ChunkPlan, videoSize: number, uploadedBytes: number): number {
  assertPlanOf(plan, videoSize);
  if (uploadedBytes >= videoSize) return plan.chunkCount;
  return Math.min(plan.chunkCount - 1, Math.max(0, Math.floor(uploadedBytes / plan.chunkSize)));
}
