// Sliding-window rate limits kept in memory (per gateway replica): the times of the last `limit`
// accepted attempts per key. Exact, O(limit) per key, and a refused attempt does not extend the
// wait, so a client that honours Retry-After gets through.
export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep: number;

  /** `limit` 0 switches the limit off. */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.lastSweep = now();
  }

  take(key: string): Decision {
    if (this.limit <= 0) return { allowed: true };
    const now = this.now();
    if (now - this.lastSweep > this.windowMs || this.hits.size >= this.maxKeys) this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    // Re-inserting keeps the map in least-recently-used order for the eviction below.
    this.hits.delete(key);
    this.hits.set(key, times);
    return { allowed: true };
  }

  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    const since = now - this.windowMs;
    for (const [key, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(key);
    // Still full (a flood of distinct keys): drop the least recently used.
    for (const key of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
