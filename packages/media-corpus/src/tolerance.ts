import type { Facts } from './recipes.ts';

/**
 * How far a reader's frame rate may sit from the recipe's. A variable-frame-rate file has no single
 * answer: 90 frames over 1.95 s (the last frame's length is the muxer's guess) or over 2 s are both
 * fair averages, and TikTok's 23–60 rule is far from either.
 */
export function fpsTolerance(facts: Pick<Facts, 'variableFrameRate'>): number {
  return facts.variableFrameRate ? 2 : 0.5;
}

/** Seconds a reader's duration may differ from the recipe's (the last frame's length, audio priming). */
export const DURATION_TOLERANCE_SEC = 0.1;
