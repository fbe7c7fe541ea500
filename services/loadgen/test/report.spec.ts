// The CLI's table.
import { DEFAULT_WEIGHTS } from '../src/mix';
import { renderReport } from '../src/report';
import type { RunReport } from '../src/run';
import { RunStats } from '../src/stats';

function report(stats: RunStats, failure?: string): RunReport {
  return {
    runId: 'r',
    options: { targetUrl: 'http://127.0.0.1:8080', rate: 5, rampSeconds: 5, durationSeconds: 60, weights: { ...DEFAULT_WEIGHTS, view_orders: 0 }, users: 20, seed: 7, maxInflight: 50, requestTimeoutMs: 10_000 },
    state: 'finished',
    startTime: new Date(0),
    endTime: new Date(60_000),
    seconds: 60,
    achievedRate: 4.99,
    scenarios: stats.summary(),
    errors: stats.errorSamples(),
    unexpectedErrors: stats.unexpectedErrors,
    failure,
  };
}

describe('report', () => {
  it('prints a row per scenario in the mix with counts and percentiles, a total, and the verdict', () => {
    const s = new RunStats();
    for (let i = 1; i <= 100; i++) {
      s.begin('browse', 0);
      s.end('browse', 'ok', i);
    }
    s.begin('checkout', 0);
    s.end('checkout', 'expected_failure', 800);
    s.begin('checkout', 0);
    s.end('checkout', 'unexpected_error', 900, 'POST /checkout → 500 internal: boom');
    const text = renderReport(report(s));
    const lines = text.split('\n');
    expect(lines[0]).toBe('loadgen: http://127.0.0.1:8080 · target 5/s (ramp 5 s) · 60.0 s · achieved 4.99/s · 20 shoppers · seed 7');
    expect(lines[1]).toMatch(/^scenario\s+started\s+ok\s+expected\s+rate-limited\s+unexpected\s+dropped\s+aborted\s+p50 ms\s+p95 ms\s+p99 ms$/);
    const browse = lines.find((l) => l.startsWith('browse'))!.split(/\s+/);
    expect(browse.slice(0, 8)).toEqual(['browse', '100', '100', '0', '0', '0', '0', '0']);
    expect(Number(browse[8])).toBeGreaterThanOrEqual(49);
    expect(Number(browse[8])).toBeLessThanOrEqual(51);
    expect(lines.find((l) => l.startsWith('checkout'))!.split(/\s+/).slice(0, 6)).toEqual(['checkout', '2', '0', '1', '0', '1']);
    // Turned off and never run: no row.
    expect(lines.some((l) => l.startsWith('view_orders'))).toBe(false);
    expect(lines.find((l) => l.startsWith('total'))!.split(/\s+/).slice(0, 6)).toEqual(['total', '102', '100', '1', '0', '1']);
    expect(text).toContain('      1 × checkout: POST /checkout → 500 internal: boom');
    expect(lines.at(-1)).toBe('FAILED: 1 unexpected error');
  });

  it('says OK without unexpected errors, and FAILED when the run could not start', () => {
    expect(renderReport(report(new RunStats())).split('\n').at(-1)).toBe('OK: no unexpected errors');
    const failed = renderReport(report(new RunStats(), 'POST /auth/signup → no answer (ECONNREFUSED)'));
    expect(failed).toContain('the run could not start: POST /auth/signup → no answer (ECONNREFUSED)');
    expect(failed.split('\n').at(-1)).toBe('FAILED: the run did not start');
  });
});
