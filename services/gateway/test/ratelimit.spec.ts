// The sliding-window limiter, on a clock the test moves.
import { RateLimiter } from '../src/auth/ratelimit';

describe('rate limiter', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('allows `limit` attempts per window, then refuses with the seconds until the oldest expires', () => {
    const limiter = new RateLimiter(3, 60_000, clock);
    expect(limiter.take('a')).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    now += 50_000; // the first attempt left the window
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('counts keys separately', () => {
    const limiter = new RateLimiter(1, 60_000, clock);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('does not count refused attempts: waiting Retry-After is enough', () => {
    const limiter = new RateLimiter(2, 60_000, clock);
    limiter.take('a');
    limiter.take('a');
    for (let i = 0; i < 10; i++) {
      now += 1_000;
      expect(limiter.take('a').allowed).toBe(false);
    }
    now = 1_000_000 + 60_001;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('is off at limit 0', () => {
    const limiter = new RateLimiter(0, 60_000, clock);
    for (let i = 0; i < 100; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  it('forgets idle keys and bounds its memory under a flood of distinct keys', () => {
    const limiter = new RateLimiter(5, 60_000, clock, 100);
    for (let i = 0; i < 1_000; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    now += 120_000;
    limiter.take('fresh');
    expect(limiter.size).toBe(1);
  });
});
