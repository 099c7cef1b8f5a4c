import { describe, expect, it } from 'vitest';
import { parseContentRange, progressHeader } from './content-range';

describe('parseContentRange', () => {
  it('parses bytes first-last/total', () => {
    expect(parseContentRange('bytes 0-9999999/50000123')).toEqual({ first: 0, last: 9_999_999, total: 50_000_123 });
    expect(parseContentRange('bytes 40000000-50000122/50000123')).toEqual({
      first: 40_000_000,
      last: 50_000_122,
      total: 50_000_123,
    });
  });

  it.each([
    undefined,
    '',
    '0-9/10',
    'bytes 0-9',
    'bytes */10',
    'bytes 0-*/10',
    'bytes 5-4/10',
    'bytes 0-10/10',
    'bytes 0 - 9/10',
    'bytes=0-9/10',
    'bytes -1-9/10',
    'bytes 0-9/10 ',
    'items 0-9/10',
    'bytes 0-9/99999999999999999',
  ])('rejects %j', (header) => {
    expect(parseContentRange(header)).toBeUndefined();
  });
});

describe('progressHeader', () => {
  it('reports the last received byte index, or */total before the first byte', () => {
    expect(progressHeader(10_000_000, 50_000_123)).toBe('bytes 0-9999999/50000123');
    expect(progressHeader(0, 10)).toBe('bytes */10');
  });
});
