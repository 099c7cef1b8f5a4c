import { chunkRange, planChunks, type ChunkPlan } from '@content-studio/contract';

export { planChunks, type ChunkPlan };

/** A chunk of TikTok's plan, numbered, as the bench's clients send it. */
export interface ChunkRange {
  index: number;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
  length: number;
}

/**
 * The contract's plan (the same function the proxy uses), so the direct and pipe baselines provably
 * send the very same sequence of PUTs as the proxy.
 */
export function chunkRanges(plan: ChunkPlan, videoSize: number): ChunkRange[] {
  return Array.from({ length: plan.chunkCount }, (_, index) => ({ index, ...chunkRange(plan, videoSize, index) }));
}
