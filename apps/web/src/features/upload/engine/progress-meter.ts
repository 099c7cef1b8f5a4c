/**
 * Upload speed as a moving average over the last few seconds of progress events. A single event's
 * rate swings wildly (XHR reports in bursts as socket buffers drain), which would make the "time
 * left" jump around; a window of a few seconds keeps it readable and still follows real changes.
 */
export class ProgressMeter {
  private samples: Array<{ at: number; bytes: number }> = [];

  constructor(private readonly windowMs = 5_000) {}

  /** Forget the history, e.g. when a chunk is sent again and the byte count goes back. */
  reset(): void {
    this.samples = [];
  }

  record(at: number, sentBytes: number): void {
    const last = this.samples.at(-1);
    if (last && sentBytes < last.bytes) this.reset();
    this.samples.push({ at, bytes: sentBytes });
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  /** Bytes per second, or null until at least a second of data exists. */
  bytesPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last) return null;
    const elapsed = last.at - first.at;
    if (elapsed < 1_000) return null;
    return ((last.bytes - first.bytes) * 1_000) / elapsed;
  }

  secondsLeft(totalBytes: number, sentBytes: number): number | null {
    const speed = this.bytesPerSecond();
    if (speed === null || speed <= 0) return null;
    return Math.max(0, Math.ceil((totalBytes - sentBytes) / speed));
  }
}
