import { sleep } from './chunk-attempt';

/**
 * The tab-wide turn for status requests: every job's poller waits for its slot, so that all of
 * them together stay inside TikTok's 30 status requests a minute per token (TikTok's Content
 * Posting API rate limits).
 */
export class StatusSlot {
  private nextAt = 0;

  constructor(
    private readonly minGapMs: number,
    private readonly now: () => number,
  ) {}

  async take(signal: AbortSignal): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.minGapMs;
    if (at > now) await sleep(at - now, signal);
  }
}
