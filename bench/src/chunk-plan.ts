import { MiB } from './video-bytes';

/**
 * TikTok's chunk plan as the proxy computes it (apps/proxy/src/tiktok/chunk-plan.ts: 10 MiB chunks,
 * floor count, the last chunk takes the remainder). Restated here because bench may not import from
 * apps/*; the resumable scenario checks the proxy's answer against it, so the direct and pipe
 * baselines provably send the very same sequence of PUTs.
 */
export interface ChunkPlan {
  chunkSize: number;
  chunkCount: number;
}

export interface ChunkRange {
  index: number;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
  length: number;
}

const PREFERRED_CHUNK_BYTES = 10 * MiB;
const MIN_CHUNK_BYTES = 5 * MiB;
const MAX_CHUNK_BYTES = 64 * MiB;

export function planChunks(videoSize: number): ChunkPlan {
  if (videoSize <= MAX_CHUNK_BYTES) return { chunkSize: videoSize, chunkCount: 1 };
  const chunkSize = Math.max(MIN_CHUNK_BYTES, Math.min(PREFERRED_CHUNK_BYTES, MAX_CHUNK_BYTES, Math.floor(videoSize / 2)));
  return { chunkSize, chunkCount: Math.floor(videoSize / chunkSize) };
}

export function chunkRanges(plan: ChunkPlan, videoSize: number): ChunkRange[] {
  return Array.from({ length: plan.chunkCount }, (_, index) => {
    const start = index * plan.chunkSize;
    const end = index === plan.chunkCount - 1 ? videoSize - 1 : start + plan.chunkSize - 1;
    return { index, start, end, length: end - start + 1 };
  });
}
