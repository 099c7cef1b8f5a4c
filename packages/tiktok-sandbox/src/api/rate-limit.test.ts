import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit';

describe('SlidingWindowLimiter', () => {
  it('admits `limit` requests per rolling 60 s and does not count refusals', () => {
    const l = new SlidingWindowLimiter();
    expect(l.tryHit('k', 2, 0)).toBe(true);
    expect(l.tryHit('k', 2, 59_000)).toBe(true);
    expect(l.tryHit('k', 2, 59_500)).toBe(false);
    // At 60.001 s only the first hit has left the window: one slot, not two (no fixed-window reset).
    expect(l.tryHit('k', 2, 60_001)).toBe(true);
    expect(l.tryHit('k', 2, 60_002)).toBe(false);
    // The refusals above were not recorded: at 119.001 s the 59 s hit is gone.
    expect(l.tryHit('k', 2, 119_001)).toBe(true);
  });

  it('keeps keys apart and forgets everything on clear', () => {
    const l = new SlidingWindowLimiter();
    expect(l.tryHit('a', 1, 0)).toBe(true);
    expect(l.tryHit('b', 1, 0)).toBe(true);
    expect(l.tryHit('a', 1, 1)).toBe(false);
    l.clear();
    expect(l.tryHit('a', 1, 2)).toBe(true);
  });
});
