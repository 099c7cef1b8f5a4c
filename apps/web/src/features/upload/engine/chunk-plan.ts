/**
 * Byte ranges of the chunk plan the proxy fixed at init (TikTok's Media Transfer Guide): chunk i starts at
 * i × chunkSize and the last chunk absorbs the remainder, so it can be up to twice as long.
 */
export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
}

export interface ChunkRange {
  index: number;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive (the HTTP Content-Range convention); `file.slice(start, end + 1)`. */
  end: number;
  length: number;
}

export function chunkRange(plan: ChunkPlan, index: number): ChunkRange {
  if (!Number.isInteger(index) || index < 0 || index >= plan.chunkCount) {
    throw new RangeError(`Chunk ${index} is outside a plan of ${plan.chunkCount} chunks.`);
  }
  const start = index * plan.chunkSize;
  const end = index === plan.chunkCount - 1 ? plan.videoSize - 1 : start + plan.chunkSize - 1;
  return { index, start, end, length: end - start + 1 };
}

export function chunkRanges(plan: ChunkPlan): ChunkRange[] {
  return Array.from({ length: plan.chunkCount }, (_, index) => chunkRange(plan, index));
}

/** Bytes held by the first `count` chunks: what TikTok has once they are acknowledged. */
export function bytesInFirstChunks(plan: ChunkPlan, count: number): number {
  if (count <= 0) return 0;
  if (count >= plan.chunkCount) return plan.videoSize;
  return count * plan.chunkSize;
}

/**
 * How many leading chunks TikTok holds completely when it reports `uploadedBytes` (a count, as the
 * proxy derives it from TikTok's Content-Range). A chunk only half received is not done: chunks are
 * fixed ranges, so it is sent again whole.
 */
export function chunksCoveredBy(plan: ChunkPlan, uploadedBytes: number): number {
  let covered = 0;
  while (covered < plan.chunkCount && chunkRange(plan, covered).end < uploadedBytes) covered++;
  return covered;
}
