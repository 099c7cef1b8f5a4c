export const MIB = 1024 * 1024;

/**
 * TikTok's Media Transfer Guide writes its chunk rules in "MB" and never says which: its 4 MB example
 * is 4,194,304 bytes (binary), while public reports put the one-chunk limit at 64,000,000 bytes
 * (decimal). The sandbox can enforce either reading (`mbReading`), so a client's plans can be tried
 * against both.
 */
export type MbReading = 'binary' | 'decimal';
const BYTES_PER_MB: Readonly<Record<MbReading, number>> = { binary: MIB, decimal: 1_000_000 };

export interface ChunkLimits {
  minChunk: number;
  /** Also the largest whole-file (one-chunk) upload. */
  maxChunk: number;
  /** The last chunk absorbs the remainder, "up to 128 MB". */
  maxFinalChunk: number;
  /** "4 GB". */
  maxVideo: number;
}

export function chunkLimits(reading: MbReading): ChunkLimits {
  const mb = BYTES_PER_MB[reading];
  // "4 GB" is 4 × 1024 MiB in the binary reading, 4 × 1000 MB in the decimal one.
  const mbPerGb = reading === 'binary' ? 1024 : 1000;
  return { minChunk: 5 * mb, maxChunk: 64 * mb, maxFinalChunk: 128 * mb, maxVideo: 4 * mbPerGb * mb };
}

const MAX_CHUNKS = 1000;

export const CHUNK_SIZE_INVALID = 'The chunk size is invalid';
export const CHUNK_COUNT_INVALID = 'The total chunk count is invalid';
export const VIDEO_SIZE_INVALID = 'The video size is invalid';

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/**
 * TikTok's init checks of `source_info`, with TikTok's own messages. The traps it reproduces: `ceil`
 * instead of `floor`, and a one-chunk plan whose chunk_size differs from video_size (rejected even
 * when floor(size/chunk) is 1), which is why a file over the one-chunk limit can never be one chunk.
 * @param maxVideoSizeBytes the sandbox's own cap instead of the reading's "4 GB" (a third party
 *   claims TikTok's sandbox caps lower)
 * @returns the error message, or undefined when the plan is valid
 */
export function checkChunkPlan(
  p: ChunkPlan,
  maxVideoSizeBytes: number | undefined,
  reading: MbReading = 'binary',
): string | undefined {
  const limits = chunkLimits(reading);
  if (p.videoSize <= 0 || p.videoSize > (maxVideoSizeBytes ?? limits.maxVideo)) return VIDEO_SIZE_INVALID;
  if (p.chunkSize <= 0) return CHUNK_SIZE_INVALID;
  if (p.totalChunkCount <= 0) return CHUNK_COUNT_INVALID;
  if (p.totalChunkCount === 1) {
    return p.chunkSize === p.videoSize && p.videoSize <= limits.maxChunk ? undefined : CHUNK_SIZE_INVALID;
  }
  if (p.chunkSize < limits.minChunk || p.chunkSize > limits.maxChunk) return CHUNK_SIZE_INVALID;
  if (p.totalChunkCount !== Math.floor(p.videoSize / p.chunkSize) || p.totalChunkCount > MAX_CHUNKS) {
    return CHUNK_COUNT_INVALID;
  }
  // Implied by the two rules above (the remainder is below one chunk), but TikTok states it.
  if (p.videoSize - (p.totalChunkCount - 1) * p.chunkSize > limits.maxFinalChunk) return CHUNK_SIZE_INVALID;
  return undefined;
}

/** Byte range of chunk `index` under a valid plan: every chunk is chunk_size, the last absorbs the rest. */
export function chunkRange(p: ChunkPlan, index: number): { start: number; end: number; length: number } {
  const start = index * p.chunkSize;
  const end = index === p.totalChunkCount - 1 ? p.videoSize - 1 : start + p.chunkSize - 1;
  return { start, end, length: end - start + 1 };
}
