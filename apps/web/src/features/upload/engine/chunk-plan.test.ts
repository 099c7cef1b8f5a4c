import { describe, expect, it } from 'vitest';
import { bytesInFirstChunks, chunkRange, chunkRanges, chunksCoveredBy } from './chunk-plan';

describe('chunk ranges', () => {
  it("match TikTok's worked example: the last chunk absorbs the remainder", () => {
    // TikTok's Media Transfer Guide: 50,000,123 bytes in 10,000,000-byte chunks is 5 chunks, not 6.
    const plan = { videoSize: 50_000_123, chunkSize: 10_000_000, chunkCount: 5 };
    expect(chunkRanges(plan).map(({ start, end, length }) => [start, end, length])).toEqual([
      [0, 9_999_999, 10_000_000],
      [10_000_000, 19_999_999, 10_000_000],
      [20_000_000, 29_999_999, 10_000_000],
      [30_000_000, 39_999_999, 10_000_000],
      [40_000_000, 50_000_122, 10_000_123],
    ]);
  });

  it('covers a whole-file upload with one chunk', () => {
    expect(chunkRange({ videoSize: 4_194_304, chunkSize: 4_194_304, chunkCount: 1 }, 0)).toEqual({
      index: 0,
      start: 0,
      end: 4_194_303,
      length: 4_194_304,
    });
  });

  it('refuses an index outside the plan', () => {
    const plan = { videoSize: 25, chunkSize: 10, chunkCount: 2 };
    expect(() => chunkRange(plan, 2)).toThrow(RangeError);
    expect(() => chunkRange(plan, -1)).toThrow(RangeError);
  });

  it('counts the bytes of acknowledged chunks', () => {
    const plan = { videoSize: 25, chunkSize: 10, chunkCount: 2 };
    expect([0, 1, 2, 3].map((count) => bytesInFirstChunks(plan, count))).toEqual([0, 10, 25, 25]);
  });

  it('treats only fully received chunks as done when TikTok reports its progress', () => {
    const plan = { videoSize: 35, chunkSize: 10, chunkCount: 3 }; // 0-9, 10-19, 20-34
    expect(chunksCoveredBy(plan, 0)).toBe(0);
    expect(chunksCoveredBy(plan, 10)).toBe(1);
    expect(chunksCoveredBy(plan, 15)).toBe(1); // half of chunk 1: sent again whole
    expect(chunksCoveredBy(plan, 20)).toBe(2);
    expect(chunksCoveredBy(plan, 34)).toBe(2);
    expect(chunksCoveredBy(plan, 35)).toBe(3);
  });
});
