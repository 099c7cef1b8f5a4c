export const MIB = 1024 * 1024;
/** "MB" in TikTok's media transfer guide means MiB: its 4 MB example is 4,194,304 bytes (spec §3.5). */
export const MIN_CHUNK_BYTES = 5 * MIB;
export const MAX_CHUNK_BYTES = 64 * MIB;
export const MAX_CHUNKS = 1000;

export const CHUNK_SIZE_INVALID = 'The chunk size is invalid';
export const CHUNK_COUNT_INVALID = 'The total chunk count is invalid';
export const VIDEO_SIZE_INVALID = 'The video size is invalid';

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/**
 * Spec §6 step 8, with TikTok's own messages. The traps it reproduces: `ceil` instead of `floor`,
 * and a one-chunk plan whose chunk_size differs from video_size (rejected even when
 * floor(size/chunk) is 1), which is why a file over 64 MiB can never be one chunk.
 * The last chunk (size - (count-1)*chunk) is then always below 2 × chunk ≤ 128 MiB.
 * @returns the error message, or undefined when the plan is valid
 */
export function checkChunkPlan(p: ChunkPlan, maxVideoSizeBytes: number): string | undefined {
  if (p.videoSize <= 0 || p.videoSize > maxVideoSizeBytes) return VIDEO_SIZE_INVALID;
  if (p.chunkSize <= 0) return CHUNK_SIZE_INVALID;
  if (p.totalChunkCount <= 0) return CHUNK_COUNT_INVALID;
  if (p.totalChunkCount === 1) {
    return p.chunkSize === p.videoSize && p.videoSize <= MAX_CHUNK_BYTES ? undefined : CHUNK_SIZE_INVALID;
  }
  if (p.chunkSize < MIN_CHUNK_BYTES || p.chunkSize > MAX_CHUNK_BYTES) return CHUNK_SIZE_INVALID;
  if (p.totalChunkCount !== Math.floor(p.videoSize / p.chunkSize) || p.totalChunkCount > MAX_CHUNKS) {
    return CHUNK_COUNT_INVALID;
  }
  return undefined;
}

/** Byte range of chunk `index` under a valid plan: every chunk is chunk_size, the last absorbs the rest. */
export function chunkRange(p: ChunkPlan, index: number): { start: number; end: number; length: number } {
  const start = index * p.chunkSize;
  const end = index === p.totalChunkCount - 1 ? p.videoSize - 1 : start + p.chunkSize - 1;
  return { start, end, length: end - start + 1 };
}
