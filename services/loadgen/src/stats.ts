// Outcome counts and latency percentiles per scenario, in constant memory however long a run
// lasts: latencies go into logarithmic buckets 2% wide, so a percentile is within 2% of the exact
// value (and clamped to the smallest and largest value seen).
import { SCENARIO_NAMES, type ScenarioName } from './mix';

export const OUTCOMES = ['ok', 'expected_failure', 'rate_limited', 'unexpected_error', 'dropped', 'aborted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const GROWTH = 1.02;
const MIN_MS = 0.05;
const LOG_GROWTH = Math.log(GROWTH);

export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private total = 0;
  private min = Infinity;
  private max = -Infinity;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const i = ms <= MIN_MS ? 0 : Math.ceil(Math.log(ms / MIN_MS) / LOG_GROWTH);
    this.buckets.set(i, (this.buckets.get(i) ?? 0) + 1);
    this.total++;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  get count(): number {
    return this.total;
  }

  /** The q-quantile (0 < q <= 1) in ms, nearest-rank; 0 when empty. */
  percentile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (const i of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(i)!;
      if (seen >= rank) {
        // The bucket's geometric middle: within half a bucket (1%) of any value in it.
        const upper = MIN_MS * GROWTH ** i;
        const value = i === 0 ? upper : upper / Math.sqrt(GROWTH);
        return Math.min(this.max, Math.max(this.min, value));
      }
    }
    return this.max;
  }
}

export interface ScenarioSummary {
  scenario: ScenarioName;
  /** Scenarios begun (dropped ones never began). */
  started: number;
  counts: Record<Outcome, number>;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** A few distinct unexpected errors, with how often each happened, for the report. */
export interface ErrorSample {
  scenario: ScenarioName;
  message: string;
  count: number;
}

const MAX_ERROR_KINDS = 20;

export class RunStats {
  private readonly started = new Map<ScenarioName, number>();
  private readonly counts = new Map<ScenarioName, Record<Outcome, number>>();
  private readonly latency = new Map<ScenarioName, LatencyHistogram>();
  private readonly errors = new Map<string, ErrorSample>();
  private readonly startsPerSecond = new Map<number, number>();

  constructor() {
    for (const s of SCENARIO_NAMES) {
      this.started.set(s, 0);
      this.counts.set(s, Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>);
      this.latency.set(s, new LatencyHistogram());
    }
  }

  /** A scenario began at `nowMs` (used for the achieved rate). */
  begin(scenario: ScenarioName, nowMs: number): void {
    this.started.set(scenario, this.started.get(scenario)! + 1);
    const second = Math.floor(nowMs / 1000);
    this.startsPerSecond.set(second, (this.startsPerSecond.get(second) ?? 0) + 1);
    for (const s of this.startsPerSecond.keys()) if (s < second - 60) this.startsPerSecond.delete(s);
  }

  /**
   * An outcome. Latency is kept for scenarios that ran to an answer (ok, expected, unexpected):
   * rate-limited ones mostly never sent a request and would drag the percentiles down.
   */
  end(scenario: ScenarioName, outcome: Outcome, latencyMs?: number, error?: string): void {
    this.counts.get(scenario)![outcome]++;
    if (latencyMs !== undefined && (outcome === 'ok' || outcome === 'expected_failure' || outcome === 'unexpected_error')) this.latency.get(scenario)!.record(latencyMs);
    if (outcome === 'unexpected_error' && error) {
      const key = `${scenario}\u0000${error}`;
      const sample = this.errors.get(key);
      if (sample) sample.count++;
      else if (this.errors.size < MAX_ERROR_KINDS) this.errors.set(key, { scenario, message: error, count: 1 });
    }
  }

  /** Starts per second over the `windowSeconds` whole seconds before the one `nowMs` falls in. */
  achievedRate(nowMs: number, windowSeconds = 10): number {
    const current = Math.floor(nowMs / 1000);
    let n = 0;
    for (let s = current - windowSeconds; s < current; s++) n += this.startsPerSecond.get(s) ?? 0;
    return n / windowSeconds;
  }

  summary(): ScenarioSummary[] {
    return SCENARIO_NAMES.map((scenario) => {
      const h = this.latency.get(scenario)!;
      return { scenario, started: this.started.get(scenario)!, counts: { ...this.counts.get(scenario)! }, p50Ms: h.percentile(0.5), p95Ms: h.percentile(0.95), p99Ms: h.percentile(0.99) };
    });
  }

  errorSamples(): ErrorSample[] {
    return [...this.errors.values()].sort((a, b) => b.count - a.count);
  }

  get unexpectedErrors(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c.unexpected_error;
    return n;
  }
}
