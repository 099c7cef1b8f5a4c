import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHUNK_BYTES,
  MAX_CHUNK_BYTES,
  MAX_FINAL_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  MiB,
  PREFERRED_BROWSER_CHUNK_BYTES,
  bytesInFirstChunks,
  chunkRange,
  chunkRanges,
  chunksCoveredBy,
  fallbackChunkPlan,
  isValidChunkPlan,
  planChunks,
  type ChunkPlan,
} from './chunk-plan';

const GiB = 1024 * MiB;
const GB = 1_000_000_000;

/** TikTok's Media Transfer Guide never says which "MB" it means; a plan must hold under both. */
const READINGS = { decimal: 1_000_000, binary: MiB } as const;
type Reading = keyof typeof READINGS;

/**
 * TikTok's rules as the Media Transfer Guide words them, in one reading of "MB", written out
 * independently of the planner and of isValidChunkPlan. Returns the rules broken, so a property
 * failure names them; plain comparisons because a 4 GB plan with 5 MiB chunks has ~800 ranges.
 */
function rulesBroken(videoSize: number, plan: ChunkPlan, reading: Reading): string[] {
  const MB = READINGS[reading];
  const { chunkSize, chunkCount } = plan;
  const broken: string[] = [];
  const rule = (ok: boolean, name: string) => {
    if (!ok) broken.push(`${name} (${reading})`);
  };
  rule(videoSize <= 4000 * MB, 'video ≤ 4 GB');
  rule(Number.isSafeInteger(chunkSize) && Number.isSafeInteger(chunkCount), 'integers');
  rule(chunkCount >= 1 && chunkCount <= 1000, '1 ≤ count ≤ 1000');
  rule(chunkCount === Math.floor(videoSize / chunkSize), 'count = floor(size / chunk)');
  rule(chunkCount !== 1 || (chunkSize === videoSize && videoSize <= 64 * MB), 'single chunk = whole file ≤ 64 MB');
  rule(chunkCount === 1 || (chunkSize >= 5 * MB && chunkSize <= 64 * MB), '5 MB ≤ chunk ≤ 64 MB');
  rule(videoSize >= 5 * MB || chunkCount === 1, 'under 5 MB: whole');
  rule(videoSize <= 64 * MB || chunkCount >= 2, 'over 64 MB: several chunks');

  // The ranges: contiguous, covering exactly [0, videoSize), the last absorbing the remainder.
  let expectedStart = 0;
  for (let index = 0; index < chunkCount; index++) {
    const range = chunkRange(plan, videoSize, index);
    rule(range.start === expectedStart, `chunk ${index} starts where the previous ended`);
    rule(range.length === range.end - range.start + 1, `chunk ${index} length matches its range`);
    if (index < chunkCount - 1) {
      rule(range.length === chunkSize, `chunk ${index} has chunkSize bytes`);
    } else {
      rule(range.end === videoSize - 1, 'last chunk ends the file');
      rule(range.length >= chunkSize, 'last chunk ≥ chunk size');
      rule(range.length <= 128 * MB, 'last chunk ≤ 128 MB');
    }
    expectedStart = range.end + 1;
  }
  rule(expectedStart === videoSize, 'ranges cover exactly [0, size)');
  return broken;
}

function tikTokRulesBroken(videoSize: number, plan: ChunkPlan): string[] {
  const broken = [...rulesBroken(videoSize, plan, 'decimal'), ...rulesBroken(videoSize, plan, 'binary')];
  if (!isValidChunkPlan(videoSize, plan.chunkSize, plan.chunkCount)) broken.push('isValidChunkPlan agrees');
  return broken;
}

/** Both sides of every number TikTok writes in MB, in both readings. */
const BOUNDARIES = [5_000_000, 5 * MiB, 64_000_000, 64 * MiB, 128_000_000, 128 * MiB, 2 * 64_000_000, 4 * GB];

describe('planChunks', () => {
  it('satisfies every TikTok rule, read in decimal and in binary MB, for any size up to 4 GB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 * GB }), (videoSize) => {
        expect(tikTokRulesBroken(videoSize, planChunks(videoSize))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('satisfies every TikTok rule for any preferred chunk size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 * GB }),
        fc.integer({ min: 1, max: 512 * MiB }),
        (videoSize, preferred) => {
          expect(tikTokRulesBroken(videoSize, planChunks(videoSize, preferred))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('satisfies every TikTok rule in both readings on both sides of 5 MB, 5 MiB, 64 MB, 64 MiB, 128 MB, 128 MiB and 4 GB', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOUNDARIES), fc.integer({ min: -4096, max: 4096 }), (boundary, delta) => {
        const videoSize = Math.min(4 * GB, Math.max(1, boundary + delta));
        expect(tikTokRulesBroken(videoSize, planChunks(videoSize))).toEqual([]);
      }),
      { numRuns: 500 },
    );
    for (const boundary of BOUNDARIES) {
      for (const videoSize of [boundary - 1, boundary, boundary + 1].filter((n) => n <= 4 * GB)) {
        expect(tikTokRulesBroken(videoSize, planChunks(videoSize))).toEqual([]);
      }
    }
  });

  it.each([
    // [videoSize, chunkSize, chunkCount]
    [1, 1, 1],
    [MIN_CHUNK_BYTES - 1, MIN_CHUNK_BYTES - 1, 1],
    [MIN_CHUNK_BYTES, MIN_CHUNK_BYTES, 1],
    [MIN_CHUNK_BYTES + 1, MIN_CHUNK_BYTES + 1, 1],
    [4_194_304, 4_194_304, 1], // TikTok's own whole-upload example
    [50_000_123, 50_000_123, 1], // the worked example's file fits in one chunk
    [64_000_000, 64_000_000, 1], // the largest whole upload under both readings
    // Over 64,000,000 bytes: never one chunk (64 MiB would be one chunk only in the binary reading).
    [64_000_001, 10 * MiB, 6],
    [64 * MiB, 10 * MiB, 6],
    [121 * 1000 * 1000, 10 * MiB, 11], // the "121 MB as one 64 MiB chunk" trap
    [128_000_000, 10 * MiB, 12],
    [128 * MiB, 10 * MiB, 12],
    [4 * GB, 10 * MiB, 381],
  ])('plans %i bytes as %i-byte chunks × %i', (videoSize, chunkSize, chunkCount) => {
    expect(planChunks(videoSize)).toEqual({ chunkSize, chunkCount });
    expect(tikTokRulesBroken(videoSize, { chunkSize, chunkCount })).toEqual([]);
  });

  it('clamps the preferred size to 5 MiB … 64,000,000 bytes and to half the file', () => {
    expect(MIN_CHUNK_BYTES).toBe(5 * MiB);
    expect(MAX_CHUNK_BYTES).toBe(64_000_000);
    expect(MAX_FINAL_CHUNK_BYTES).toBe(128_000_000);
    expect(planChunks(200 * MiB, 1)).toEqual({ chunkSize: MIN_CHUNK_BYTES, chunkCount: 40 });
    expect(planChunks(200 * MiB, 512 * MiB)).toEqual({ chunkSize: MAX_CHUNK_BYTES, chunkCount: 3 });
    // 100 MiB with the largest chunk preferred: 64,000,000 would give count 1 ≠ size, so half the file.
    expect(planChunks(100 * MiB, MAX_CHUNK_BYTES)).toEqual({ chunkSize: 50 * MiB, chunkCount: 2 });
  });

  it("gives the browser's preferred size the largest chunks TikTok allows: 1 GiB in 16 requests, not 102", () => {
    expect(PREFERRED_BROWSER_CHUNK_BYTES).toBe(MAX_CHUNK_BYTES);
    expect(planChunks(GiB)).toEqual({ chunkSize: DEFAULT_CHUNK_BYTES, chunkCount: 102 });
    expect(planChunks(GiB, PREFERRED_BROWSER_CHUNK_BYTES)).toEqual({ chunkSize: 64_000_000, chunkCount: 16 });
    expect(planChunks(4 * GB, PREFERRED_BROWSER_CHUNK_BYTES)).toEqual({ chunkSize: 64_000_000, chunkCount: 62 });
    // Up to 64,000,000 bytes a video is still sent whole, whatever the preference.
    expect(planChunks(30 * MiB, PREFERRED_BROWSER_CHUNK_BYTES)).toEqual({ chunkSize: 30 * MiB, chunkCount: 1 });
  });

  it('reproduces the worked example of the media transfer guide as ranges', () => {
    // TikTok's example plan: 50,000,123 bytes in 10,000,000-byte chunks, count 5.
    const plan = { chunkSize: 10_000_000, chunkCount: 5 };
    expect(isValidChunkPlan(50_000_123, plan.chunkSize, plan.chunkCount)).toBe(true);
    const ranges = [0, 1, 2, 3, 4].map((i) => chunkRange(plan, 50_000_123, i));
    expect(ranges.map((r) => `bytes ${r.start}-${r.end}/50000123`)).toEqual([
      'bytes 0-9999999/50000123',
      'bytes 10000000-19999999/50000123',
      'bytes 20000000-29999999/50000123',
      'bytes 30000000-39999999/50000123',
      'bytes 40000000-50000122/50000123',
    ]);
    expect(ranges.at(-1)?.length).toBe(10_000_123);
  });

  it.each([0, -1, 0.5, Number.NaN, 4 * GB + 1, 4 * GiB])('refuses a video size of %d', (videoSize) => {
    expect(() => planChunks(videoSize)).toThrow(RangeError);
  });

  it('refuses a nonsensical preferred chunk size', () => {
    expect(() => planChunks(100 * MiB, 0)).toThrow(RangeError);
    expect(() => planChunks(100 * MiB, 1.5)).toThrow(RangeError);
  });
});

describe('isValidChunkPlan', () => {
  it.each([
    ['ceil instead of floor', 50_000_123, 10_000_000, 6],
    ['one chunk smaller than the file', 121_000_000, MAX_CHUNK_BYTES, 1],
    ['one chunk over 64,000,000 bytes (64 MiB is not 64 MB)', 64 * MiB, 64 * MiB, 1],
    ['chunk below 5 MiB (5,000,000 is only 5 decimal MB)', 20_000_000, 5_000_000, 4],
    ['chunk above 64,000,000 bytes', 300 * MiB, 64 * MiB, 4],
    ['over 4 GB (4 GiB is not 4 GB)', 4 * GiB, 10 * MiB, 409],
    ['over 1000 chunks', 4 * GB, 3 * MiB, 1271],
    ['zero size', 0, 1, 1],
  ])('refuses %s', (_name, videoSize, chunkSize, chunkCount) => {
    expect(isValidChunkPlan(videoSize, chunkSize, chunkCount)).toBe(false);
  });
});

describe('fallbackChunkPlan', () => {
  it('offers, once refused, another valid plan with the largest chunks for every multi-chunk size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64_000_001, max: 4 * GB }), (videoSize) => {
        const first = planChunks(videoSize);
        const second = fallbackChunkPlan(videoSize, first);
        expect(second).toBeDefined();
        if (!second) return;
        expect(second.chunkSize).not.toBe(first.chunkSize);
        expect(tikTokRulesBroken(videoSize, second)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(fallbackChunkPlan(80_000_000, planChunks(80_000_000))).toEqual({ chunkSize: 40_000_000, chunkCount: 2 });
    expect(fallbackChunkPlan(1_000_000_000, planChunks(1_000_000_000))).toEqual({
      chunkSize: 64_000_000,
      chunkCount: 15,
    });
  });

  it("offers the smallest chunks when a plan with the browser's preferred size is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 64_000_001, max: 4 * GB }), (videoSize) => {
        const first = planChunks(videoSize, PREFERRED_BROWSER_CHUNK_BYTES);
        const second = fallbackChunkPlan(videoSize, first);
        expect(second?.chunkSize).toBe(MIN_CHUNK_BYTES);
        expect(second && tikTokRulesBroken(videoSize, second)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('has none for a file sent whole', () => {
    expect(fallbackChunkPlan(64_000_000, planChunks(64_000_000))).toBeUndefined();
  });
});

describe('chunkRange', () => {
  it('refuses an index outside the plan and a plan that does not fit the size', () => {
    const plan = planChunks(100 * MiB);
    expect(() => chunkRange(plan, 100 * MiB, -1)).toThrow(RangeError);
    expect(() => chunkRange(plan, 100 * MiB, plan.chunkCount)).toThrow(RangeError);
    expect(() => chunkRange(plan, 200 * MiB, 0)).toThrow(RangeError);
  });
});

describe('chunk geometry', () => {
  it("matches TikTok's worked example: the last chunk absorbs the remainder", () => {
    // TikTok's Media Transfer Guide: 50,000,123 bytes in 10,000,000-byte chunks is 5 chunks, not 6.
    const plan = { chunkSize: 10_000_000, chunkCount: 5 };
    expect(chunkRanges(plan, 50_000_123).map(({ index, start, end, length }) => [index, start, end, length])).toEqual([
      [0, 0, 9_999_999, 10_000_000],
      [1, 10_000_000, 19_999_999, 10_000_000],
      [2, 20_000_000, 29_999_999, 10_000_000],
      [3, 30_000_000, 39_999_999, 10_000_000],
      [4, 40_000_000, 50_000_122, 10_000_123],
    ]);
  });

  it('covers a whole-file upload with one chunk', () => {
    expect(chunkRange({ chunkSize: 4_194_304, chunkCount: 1 }, 4_194_304, 0)).toEqual({
      start: 0,
      end: 4_194_303,
      length: 4_194_304,
    });
  });

  it('serves a plan of a few bytes, which stands for a real one in the engine’s tests', () => {
    expect(chunkRange({ chunkSize: 10, chunkCount: 2 }, 25, 1)).toEqual({ start: 10, end: 24, length: 15 });
  });

  it('refuses plans whose count is not floor(size / chunk size), or a single chunk of the wrong size', () => {
    expect(() => chunkRange({ chunkSize: 10, chunkCount: 3 }, 25, 0)).toThrow(RangeError);
    expect(() => chunkRange({ chunkSize: 10, chunkCount: 1 }, 25, 0)).toThrow(RangeError);
    expect(() => bytesInFirstChunks({ chunkSize: 0, chunkCount: 2 }, 25, 1)).toThrow(RangeError);
    expect(() => chunksCoveredBy({ chunkSize: 10, chunkCount: 2 }, 35, 0)).toThrow(RangeError);
  });

  it('counts the bytes of acknowledged chunks', () => {
    const plan = { chunkSize: 10, chunkCount: 2 };
    expect([0, 1, 2, 3].map((count) => bytesInFirstChunks(plan, 25, count))).toEqual([0, 10, 25, 25]);
  });

  it('treats only fully received chunks as done when TikTok reports its progress', () => {
    const plan = { chunkSize: 10, chunkCount: 3 }; // 0-9, 10-19, 20-34
    expect([0, 9, 10, 15, 20, 34, 35, 99].map((bytes) => chunksCoveredBy(plan, 35, bytes))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
  });

  it('agrees with the ranges for every byte count of every plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 400 }), (chunkSize, videoSize) => {
        const chunkCount = Math.max(1, Math.floor(videoSize / chunkSize));
        const plan = { chunkSize: chunkCount === 1 ? videoSize : chunkSize, chunkCount };
        const ranges = chunkRanges(plan, videoSize);
        expect(ranges.at(-1)?.end).toBe(videoSize - 1);
        for (let bytes = 0; bytes <= videoSize; bytes++) {
          expect(chunksCoveredBy(plan, videoSize, bytes)).toBe(ranges.filter((range) => range.end < bytes).length);
        }
      }),
    );
  });
});
