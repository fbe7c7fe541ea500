// Outcome counts and latency percentiles.
import { LatencyHistogram, RunStats } from '../src/stats';

describe('latency percentiles', () => {
  it('are within 2% of the exact nearest-rank values', () => {
    const h = new LatencyHistogram();
    // 1..1000 ms, shuffled order must not matter.
    const values = Array.from({ length: 1000 }, (_, i) => i + 1).sort((a, b) => ((a * 7919) % 1000) - ((b * 7919) % 1000));
    for (const v of values) h.record(v);
    expect(h.count).toBe(1000);
    for (const [q, exact] of [[0.5, 500], [0.95, 950], [0.99, 990]] as const) {
      expect(Math.abs(h.percentile(q) - exact) / exact).toBeLessThan(0.02);
    }
    expect(h.percentile(1)).toBe(1000);
  });

  it('give the value itself for a single sample, and 0 when empty', () => {
    const h = new LatencyHistogram();
    expect(h.percentile(0.5)).toBe(0);
    h.record(42);
    expect([h.percentile(0.5), h.percentile(0.99)]).toEqual([42, 42]);
  });

  it('see a slow tail: p99 of 98 fast calls and 2 slow ones is slow', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.record(10);
    h.record(5_000);
    h.record(5_000);
    expect(h.percentile(0.5)).toBeCloseTo(10, 0);
    expect(h.percentile(0.99)).toBeGreaterThan(4_900);
  });

  it('ignore values that are not durations', () => {
    const h = new LatencyHistogram();
    h.record(Number.NaN);
    h.record(-1);
    expect(h.count).toBe(0);
  });
});

describe('run stats', () => {
  it('count outcomes per scenario; latency only for scenarios that got an answer', () => {
    const s = new RunStats();
    s.begin('checkout', 0);
    s.end('checkout', 'ok', 100);
    s.begin('checkout', 0);
    s.end('checkout', 'expected_failure', 300);
    s.begin('checkout', 0);
    s.end('checkout', 'rate_limited', 0);
    s.end('checkout', 'dropped');
    const row = s.summary().find((r) => r.scenario === 'checkout')!;
    expect(row.started).toBe(3);
    expect(row.counts).toEqual({ ok: 1, expected_failure: 1, rate_limited: 1, unexpected_error: 0, dropped: 1, aborted: 0 });
    expect(row.p50Ms).toBeCloseTo(100, -1);
    expect(row.p99Ms).toBeCloseTo(300, -1);
    expect(s.unexpectedErrors).toBe(0);
  });

  it('group unexpected errors by message, most frequent first', () => {
    const s = new RunStats();
    s.end('browse', 'unexpected_error', 5, 'GET /categories → 503 unavailable');
    s.end('search', 'unexpected_error', 5, 'GET /search → 500 internal');
    s.end('browse', 'unexpected_error', 5, 'GET /categories → 503 unavailable');
    expect(s.unexpectedErrors).toBe(3);
    expect(s.errorSamples()).toEqual([
      { scenario: 'browse', message: 'GET /categories → 503 unavailable', count: 2 },
      { scenario: 'search', message: 'GET /search → 500 internal', count: 1 },
    ]);
  });

  it('measure the achieved rate over the last whole seconds', () => {
    const s = new RunStats();
    // 3 starts per second from t = 0 to t = 20 s.
    for (let ms = 0; ms < 20_000; ms += 1000 / 3) s.begin('browse', ms);
    expect(s.achievedRate(20_000)).toBeCloseTo(3, 5);
    expect(s.achievedRate(25_000)).toBeCloseTo(1.5, 5);
    expect(s.achievedRate(40_000)).toBe(0);
  });
});
