// The end-of-run table the CLI prints: per scenario the counts by outcome and latency percentiles,
// then the distinct unexpected errors.
import type { RunReport } from './run';
import type { ScenarioSummary } from './stats';

const COLUMNS: Array<[string, (s: ScenarioSummary) => string]> = [
  ['started', (s) => String(s.started)],
  ['ok', (s) => String(s.counts.ok)],
  ['expected', (s) => String(s.counts.expected_failure)],
  ['rate-limited', (s) => String(s.counts.rate_limited)],
  ['unexpected', (s) => String(s.counts.unexpected_error)],
  ['dropped', (s) => String(s.counts.dropped)],
  ['aborted', (s) => String(s.counts.aborted)],
  ['p50 ms', (s) => ms(s.p50Ms)],
  ['p95 ms', (s) => ms(s.p95Ms)],
  ['p99 ms', (s) => ms(s.p99Ms)],
];

function ms(value: number): string {
  return value === 0 ? '-' : value < 10 ? value.toFixed(1) : String(Math.round(value));
}

function total(rows: ScenarioSummary[]): ScenarioSummary {
  const sum = (f: (s: ScenarioSummary) => number): number => rows.reduce((n, s) => n + f(s), 0);
  return {
    scenario: 'total' as ScenarioSummary['scenario'],
    started: sum((s) => s.started),
    counts: {
      ok: sum((s) => s.counts.ok),
      expected_failure: sum((s) => s.counts.expected_failure),
      rate_limited: sum((s) => s.counts.rate_limited),
      unexpected_error: sum((s) => s.counts.unexpected_error),
      dropped: sum((s) => s.counts.dropped),
      aborted: sum((s) => s.counts.aborted),
    },
    // Percentiles do not add up across scenarios; the total row leaves them out.
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
  };
}

export function renderReport(report: RunReport): string {
  const o = report.options;
  const lines: string[] = [];
  lines.push(
    `loadgen: ${o.targetUrl} · target ${o.rate}/s (ramp ${o.rampSeconds} s) · ${report.seconds.toFixed(1)} s · achieved ${report.achievedRate.toFixed(2)}/s · ${o.users} shoppers · seed ${o.seed}`,
  );
  if (report.failure) {
    lines.push(`the run could not start: ${report.failure}`, '', 'FAILED: the run did not start');
    return lines.join('\n');
  }
  const rows = report.scenarios.filter((s) => o.weights[s.scenario] > 0 || s.started > 0 || s.counts.dropped > 0);
  const table = [['scenario', ...COLUMNS.map(([h]) => h)], ...[...rows, total(rows)].map((s) => [s.scenario, ...COLUMNS.map(([, f]) => f(s))])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  table.forEach((r, i) => {
    lines.push(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
    if (i === 0 || i === table.length - 2) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  if (report.errors.length > 0) {
    lines.push('', 'unexpected errors:');
    for (const e of report.errors) lines.push(`  ${String(e.count).padStart(5)} × ${e.scenario}: ${e.message}`);
  }
  lines.push('', report.unexpectedErrors > 0 ? `FAILED: ${report.unexpectedErrors} unexpected error${report.unexpectedErrors === 1 ? '' : 's'}` : 'OK: no unexpected errors');
  return lines.join('\n');
}
