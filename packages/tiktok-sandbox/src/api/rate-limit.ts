const WINDOW_MS = 60_000;

/**
 * Per-token limits per minute. TikTok's Direct Post and Upload references each give their own init
 * endpoint "6 requests per minute per user access token"; nothing says the two share a bucket, so
 * they are counted apart (a client must not rely on either reading: it backs off on any 429).
 */
export const RATE_LIMITS = {
  direct_init: 6,
  inbox_init: 6,
  creator_info: 20,
  status: 30,
  user_info: 600,
} as const;

export type RateBucket = keyof typeof RATE_LIMITS;

/**
 * TikTok documents a 1-minute *sliding* window (TikTok's Rate Limits page). A fixed window would let a client that
 * bursts at a minute boundary pass here and fail at TikTok, so each admitted request's time is kept.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Admits and records the request, or returns false without recording it. */
  tryHit(key: string, limit: number, now: number): boolean {
    const since = now - WINDOW_MS;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  clear(): void {
    this.hits.clear();
  }
}
