import { describe, expect, it } from 'vitest';
import { logId, nineteenDigits } from '../ids';
import { RawJson, stringifyWithRaw } from './envelope';

describe('stringifyWithRaw', () => {
  it('writes raw integers verbatim, digits JSON.parse would round', () => {
    const text = stringifyWithRaw({ ids: [new RawJson('7412345678901234567')], s: 'x' });
    expect(text).toBe('{"ids":[7412345678901234567],"s":"x"}');
    expect(String((JSON.parse(text) as { ids: number[] }).ids[0])).not.toBe('7412345678901234567');
  });

  it('leaves strings that look like placeholders alone', () => {
    expect(stringifyWithRaw({ a: 'raw0' })).toBe('{"a":"raw0"}');
  });

  it('only carries integer literals', () => {
    expect(() => new RawJson('1,2')).toThrow();
  });
});

describe('ids', () => {
  it('makes 19-digit ids that a double cannot represent exactly', () => {
    for (let i = 0; i < 50; i++) {
      const id = nineteenDigits();
      expect(id).toMatch(/^7\d{17}[13579]$/);
      expect(BigInt(Math.round(Number(id)))).not.toBe(BigInt(id));
    }
  });

  it('formats log ids as UTC timestamp + 20 hex', () => {
    expect(logId(Date.UTC(2022, 9, 11, 22, 48, 44))).toMatch(/^20221011224844[0-9A-F]{20}$/);
  });
});
