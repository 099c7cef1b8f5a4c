import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CHUNK_BYTES,
  MAX_FINAL_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  MiB,
  chunkRange,
  isValidChunkPlan,
  planChunks,
  type ChunkPlan,
} from './chunk-plan';

const GiB = 1024 * MiB;

/**
 * TikTok's rules (spec §3.5), written out independently of the planner and of isValidChunkPlan.
 * Returns the rules broken, so a property failure names them; plain comparisons because a 4 GiB
 * plan with 5 MiB chunks has ~800 ranges to check per case.
 */
function tikTokRulesBroken(videoSize: number, plan: ChunkPlan): string[] {
  const { chunkSize, chunkCount } = plan;
  const broken: string[] = [];
  const rule = (ok: boolean, name: string) => {
    if (!ok) broken.push(name);
  };
  rule(Number.isSafeInteger(chunkSize) && Number.isSafeInteger(chunkCount), 'integers');
  rule(chunkCount >= 1 && chunkCount <= 1000, '1 ≤ count ≤ 1000');
  rule(chunkCount === Math.floor(videoSize / chunkSize), 'count = floor(size / chunk)');
  // One chunk only as a whole upload of at most 64 MiB; otherwise 5 MiB ≤ chunk ≤ 64 MiB.
  rule(chunkCount !== 1 || (chunkSize === videoSize && videoSize <= MAX_CHUNK_BYTES), 'single chunk = whole file ≤ 64 MiB');
  rule(chunkCount === 1 || (chunkSize >= MIN_CHUNK_BYTES && chunkSize <= MAX_CHUNK_BYTES), '5 MiB ≤ chunk ≤ 64 MiB');
  rule(videoSize >= MIN_CHUNK_BYTES || chunkCount === 1, 'under 5 MiB: whole');
  rule(videoSize <= MAX_CHUNK_BYTES || chunkCount >= 2, 'over 64 MiB: several chunks');

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
      rule(range.length <= MAX_FINAL_CHUNK_BYTES, 'last chunk ≤ 128 MiB');
      rule(chunkCount === 1 || range.length < 2 * chunkSize, 'last chunk < 2 × chunk size');
    }
    expectedStart = range.end + 1;
  }
  rule(expectedStart === videoSize, 'ranges cover exactly [0, size)');
  rule(isValidChunkPlan(videoSize, chunkSize, chunkCount), 'isValidChunkPlan agrees');
  return broken;
}

describe('planChunks', () => {
  it('satisfies every TikTok rule for any size from 1 byte to 4 GiB (default chunk size)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 * GiB }), (videoSize) => {
        expect(tikTokRulesBroken(videoSize, planChunks(videoSize))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('satisfies every TikTok rule for any preferred chunk size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 * GiB }),
        fc.integer({ min: 1, max: 512 * MiB }),
        (videoSize, preferred) => {
          expect(tikTokRulesBroken(videoSize, planChunks(videoSize, preferred))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('satisfies every TikTok rule around each boundary', () => {
    const boundaries = [MIN_CHUNK_BYTES, 64_000_000, MAX_CHUNK_BYTES, 2 * MAX_CHUNK_BYTES, MAX_FINAL_CHUNK_BYTES, 4 * GiB];
    fc.assert(
      fc.property(fc.constantFrom(...boundaries), fc.integer({ min: -4096, max: 4096 }), (boundary, delta) => {
        const videoSize = Math.min(4 * GiB, Math.max(1, boundary + delta));
        expect(tikTokRulesBroken(videoSize, planChunks(videoSize))).toEqual([]);
      }),
    );
  });

  it.each([
    // [videoSize, chunkSize, chunkCount]
    [1, 1, 1],
    [MIN_CHUNK_BYTES - 1, MIN_CHUNK_BYTES - 1, 1],
    [MIN_CHUNK_BYTES, MIN_CHUNK_BYTES, 1],
    [MIN_CHUNK_BYTES + 1, MIN_CHUNK_BYTES + 1, 1],
    [4_194_304, 4_194_304, 1], // TikTok's own whole-upload example
    [50_000_123, 50_000_123, 1], // the worked example's file fits in one chunk
    [64_000_000, 64_000_000, 1], // the threshold a public client mistook for 64 MiB
    [MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, 1],
    // Just over 64 MiB: never one chunk; 10 MiB chunks, 6 of them, the last 14 MiB + 1 byte.
    [MAX_CHUNK_BYTES + 1, 10 * MiB, 6],
    [121 * 1000 * 1000, 10 * MiB, 11], // the "121 MB as one 64 MiB chunk" trap
    [MAX_FINAL_CHUNK_BYTES - 1, 10 * MiB, 12],
    [MAX_FINAL_CHUNK_BYTES, 10 * MiB, 12],
    [MAX_FINAL_CHUNK_BYTES + 1, 10 * MiB, 12],
    [4 * GiB, 10 * MiB, 409],
  ])('plans %i bytes as %i-byte chunks × %i', (videoSize, chunkSize, chunkCount) => {
    expect(planChunks(videoSize)).toEqual({ chunkSize, chunkCount });
    expect(tikTokRulesBroken(videoSize, { chunkSize, chunkCount })).toEqual([]);
  });

  it('clamps the preferred size to 5 MiB … 64 MiB and to half the file', () => {
    expect(planChunks(200 * MiB, 1)).toEqual({ chunkSize: MIN_CHUNK_BYTES, chunkCount: 40 });
    expect(planChunks(200 * MiB, 512 * MiB)).toEqual({ chunkSize: MAX_CHUNK_BYTES, chunkCount: 3 });
    // 100 MiB with 64 MiB preferred: a 64 MiB chunk would give count 1 ≠ size, so half the file.
    expect(planChunks(100 * MiB, MAX_CHUNK_BYTES)).toEqual({ chunkSize: 50 * MiB, chunkCount: 2 });
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

  it.each([0, -1, 0.5, Number.NaN, 4 * GiB + 1])('refuses a video size of %d', (videoSize) => {
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
    ['one chunk over 64 MiB', MAX_CHUNK_BYTES + 1, MAX_CHUNK_BYTES + 1, 1],
    ['chunk below 5 MiB', 20 * MiB, 4 * MiB, 5],
    ['chunk above 64 MiB', 300 * MiB, 65 * MiB, 4],
    ['over 4 GiB', 4 * GiB + 10 * MiB, 10 * MiB, 410],
    ['over 1000 chunks', 4 * GiB, 4 * MiB, 1024],
    ['zero size', 0, 1, 1],
  ])('refuses %s', (_name, videoSize, chunkSize, chunkCount) => {
    expect(isValidChunkPlan(videoSize, chunkSize, chunkCount)).toBe(false);
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
