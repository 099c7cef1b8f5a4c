import { describe, expect, it } from 'vitest';
import { ProgressMeter } from './progress-meter';

describe('ProgressMeter', () => {
  it('knows no speed until a second of data exists', () => {
    const meter = new ProgressMeter();
    meter.record(0, 0);
    meter.record(500, 1_000);
    expect(meter.bytesPerSecond()).toBeNull();
    expect(meter.secondsLeft(10_000, 1_000)).toBeNull();
  });

  it('averages over the window and estimates the time left', () => {
    const meter = new ProgressMeter(5_000);
    for (let t = 0; t <= 4_000; t += 1_000) meter.record(t, t * 2); // 2,000 B/s
    expect(meter.bytesPerSecond()).toBe(2_000);
    expect(meter.secondsLeft(20_000, 8_000)).toBe(6);
  });

  it('follows a change of speed once old samples leave the window', () => {
    const meter = new ProgressMeter(2_000);
    for (let t = 0; t <= 5_000; t += 500) meter.record(t, t); // 1,000 B/s
    for (let t = 5_500; t <= 10_000; t += 500) meter.record(t, 5_000 + (t - 5_000) * 4); // 4,000 B/s
    expect(meter.bytesPerSecond()).toBe(4_000);
  });

  it('starts over when the byte count goes back (a chunk sent again)', () => {
    const meter = new ProgressMeter();
    meter.record(0, 0);
    meter.record(2_000, 4_000);
    meter.record(2_500, 1_000);
    expect(meter.bytesPerSecond()).toBeNull();
  });
});
