import { describe, expect, it } from 'vitest';
import {
  CHUNK_COUNT_INVALID,
  CHUNK_SIZE_INVALID,
  MIB,
  VIDEO_SIZE_INVALID,
  checkChunkPlan,
  chunkRange,
} from './chunk-rules';

const GIB = 1024 * MIB;

function check(videoSize: number, chunkSize: number, totalChunkCount: number, max?: number): string | undefined {
  return checkChunkPlan({ videoSize, chunkSize, totalChunkCount }, max);
}

describe('checkChunkPlan', () => {
  it('accepts the worked example of the media transfer guide', () => {
    expect(check(50_000_123, 10_000_000, 5)).toBeUndefined();
  });

  it('rejects ceil instead of floor', () => {
    expect(check(50_000_123, 10_000_000, 6)).toBe(CHUNK_COUNT_INVALID);
  });

  it('accepts a whole upload below 5 MiB with chunk_size == video_size', () => {
    expect(check(4_194_304, 4_194_304, 1)).toBeUndefined();
    expect(check(1, 1, 1)).toBeUndefined();
  });

  it('rejects count 1 with chunk_size != video_size, even when floor(size/chunk) is 1', () => {
    expect(check(121 * MIB, 64 * MIB, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(check(15 * MIB, 10 * MIB, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(check(4 * MIB, 5 * MIB, 1)).toBe(CHUNK_SIZE_INVALID);
  });

  it('takes both sides of 64 MiB for a single chunk', () => {
    expect(check(64 * MIB, 64 * MIB, 1)).toBeUndefined();
    expect(check(64 * MIB + 1, 64 * MIB + 1, 1)).toBe(CHUNK_SIZE_INVALID);
  });

  it("takes both sides of 64,000,000 bytes (the open report's threshold)", () => {
    expect(check(64_000_000, 64_000_000, 1)).toBeUndefined();
    expect(check(64_000_001, 64_000_001, 1)).toBeUndefined();
    expect(check(66_000_000, 64_000_000, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(check(94_000_000, 64_000_000, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(check(128_000_000, 64_000_000, 2)).toBeUndefined();
  });

  it('takes both sides of 5 MiB for multi-chunk plans', () => {
    expect(check(12 * MIB, 5 * MIB, 2)).toBeUndefined();
    expect(check(12 * MIB, 5 * MIB - 1, 2)).toBe(CHUNK_SIZE_INVALID);
  });

  it('takes both sides of 64 MiB for multi-chunk plans', () => {
    expect(check(200 * MIB, 64 * MIB, 3)).toBeUndefined();
    expect(check(200 * MIB, 64 * MIB + 1, 3)).toBe(CHUNK_SIZE_INVALID);
  });

  it('lets the last chunk grow just under 128 MiB, never to it', () => {
    // 64 MiB chunks: the last chunk absorbs up to 64 MiB - 1 extra bytes.
    expect(check(192 * MIB - 1, 64 * MIB, 2)).toBeUndefined();
    expect(chunkRange({ videoSize: 192 * MIB - 1, chunkSize: 64 * MIB, totalChunkCount: 2 }, 1).length).toBe(
      128 * MIB - 1,
    );
    // One more byte and floor says 3 chunks: 2 is now the wrong count.
    expect(check(192 * MIB, 64 * MIB, 2)).toBe(CHUNK_COUNT_INVALID);
    expect(check(192 * MIB, 64 * MIB, 3)).toBeUndefined();
  });

  it('limits the plan to 1000 chunks (reachable only with a larger size limit)', () => {
    expect(check(1000 * 5 * MIB, 5 * MIB, 1000, 8 * GIB)).toBeUndefined();
    expect(check(1001 * 5 * MIB, 5 * MIB, 1001, 8 * GIB)).toBe(CHUNK_COUNT_INVALID);
  });

  it('limits video_size to 4 GiB (or the configured limit)', () => {
    expect(check(4 * GIB, 64 * MIB, 64)).toBeUndefined();
    expect(check(4 * GIB + 1, 64 * MIB, 64)).toBe(VIDEO_SIZE_INVALID);
    expect(check(129 * MIB, 64 * MIB, 2, 128 * MIB)).toBe(VIDEO_SIZE_INVALID);
  });

  it('requires all three numbers to be positive', () => {
    expect(check(0, 0, 1)).toBe(VIDEO_SIZE_INVALID);
    expect(check(-5, 1, 1)).toBe(VIDEO_SIZE_INVALID);
    expect(check(10, 0, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(check(10 * MIB, 5 * MIB, 0)).toBe(CHUNK_COUNT_INVALID);
    expect(check(10 * MIB, 5 * MIB, -2)).toBe(CHUNK_COUNT_INVALID);
  });

  it('rejects more chunks than floor allows even with a valid chunk size', () => {
    expect(check(10 * MIB, 10 * MIB, 2)).toBe(CHUNK_COUNT_INVALID);
    expect(check(30 * MIB, 10 * MIB, 2)).toBe(CHUNK_COUNT_INVALID);
  });
});

describe('chunkRange', () => {
  it('gives every chunk chunk_size bytes and the remainder to the last', () => {
    const plan = { videoSize: 50_000_123, chunkSize: 10_000_000, totalChunkCount: 5 };
    expect(chunkRange(plan, 0)).toEqual({ start: 0, end: 9_999_999, length: 10_000_000 });
    expect(chunkRange(plan, 4)).toEqual({ start: 40_000_000, end: 50_000_122, length: 10_000_123 });
  });
});

describe('checkChunkPlan, reading "MB" as 1,000,000 bytes', () => {
  const decimal = (videoSize: number, chunkSize: number, count: number) =>
    checkChunkPlan({ videoSize, chunkSize, totalChunkCount: count }, undefined, 'decimal');

  it('takes a whole upload up to 64,000,000 bytes and no further', () => {
    expect(decimal(64_000_000, 64_000_000, 1)).toBeUndefined();
    expect(decimal(64_000_001, 64_000_001, 1)).toBe(CHUNK_SIZE_INVALID);
    expect(decimal(64 * MIB, 64 * MIB, 1)).toBe(CHUNK_SIZE_INVALID);
  });

  it('takes chunks of 5,000,000 to 64,000,000 bytes', () => {
    expect(decimal(20_000_000, 5_000_000, 4)).toBeUndefined();
    expect(decimal(20_000_000, 4_999_999, 4)).toBe(CHUNK_SIZE_INVALID);
    expect(decimal(200_000_000, 64_000_000, 3)).toBeUndefined();
    expect(decimal(200 * MIB, 64 * MIB, 3)).toBe(CHUNK_SIZE_INVALID);
  });

  it('caps the video at 4,000,000,000 bytes', () => {
    expect(decimal(4_000_000_000, 10 * MIB, 381)).toBeUndefined();
    expect(decimal(4_000_000_001, 10 * MIB, 381)).toBe(VIDEO_SIZE_INVALID);
    expect(check(4_000_000_001, 10 * MIB, 381)).toBeUndefined();
  });

  it('differs from the binary reading exactly where the two disagree', () => {
    expect(check(64 * MIB, 64 * MIB, 1)).toBeUndefined();
    expect(check(20_000_000, 5_000_000, 4)).toBe(CHUNK_SIZE_INVALID);
  });
});
