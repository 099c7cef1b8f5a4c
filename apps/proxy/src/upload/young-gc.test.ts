import { describe, expect, it } from 'vitest';
import { youngCollector } from './young-gc';

describe('young-generation collector', () => {
  it('asks for one minor GC per threshold of bytes of one stream, across pieces of any size', () => {
    const calls: unknown[] = [];
    const collector = youngCollector((options) => calls.push(options), 100);
    const stream = collector.newStream();
    for (const size of [30, 30, 30]) collector.count(stream, size);
    expect(calls).toEqual([]);
    collector.count(stream, 10);
    expect(calls).toEqual([{ type: 'minor' }]);
    collector.count(stream, 99);
    expect(calls).toHaveLength(1);
    collector.count(stream, 250);
    expect(calls).toHaveLength(2);
  });

  it('spaces collections by the threshold per stream that moved since the last one', () => {
    const calls: unknown[] = [];
    const collector = youngCollector((options) => calls.push(options), 100);
    const [a, b, c] = [collector.newStream(), collector.newStream(), collector.newStream()];
    for (let i = 0; i < 9; i += 1) collector.count([a, b, c][i % 3]!, 33);
    expect(calls).toHaveLength(0);
    collector.count(a, 3);
    expect(calls).toHaveLength(1);
    // Only one stream moves now: back to the single-stream interval.
    collector.count(c, 100);
    expect(calls).toHaveLength(2);
  });

  it('does nothing without --expose-gc', () => {
    const collector = youngCollector(undefined, 1);
    expect(() => collector.count(collector.newStream(), 1_000_000)).not.toThrow();
  });
});
