// loadgen's Prometheus metrics, on the registry it is given (the kit's in the service, a private
// one in the CLI). Names and labels are part of the dashboards' contract.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { SCENARIO_NAMES, type ScenarioName } from './mix';
import { OUTCOMES, type Outcome } from './stats';

const DURATION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What the gauges show at each scrape: the current run, if any. */
export interface RunGauges {
  inflight: number;
  targetRate(): number;
}

export class LoadgenMetrics {
  /** The run the gauges follow; unset, they read 0. */
  current: RunGauges | undefined;

  readonly scenarios: Counter<'scenario' | 'outcome'>;
  readonly duration: Histogram<'scenario'>;
  readonly inflight: Gauge;
  readonly targetRate: Gauge;

  constructor(registry: Registry) {
    this.scenarios = new Counter({ name: 'loadgen_scenarios_total', help: 'Scenarios by outcome: ok, expected_failure (e.g. a declined test card), rate_limited, unexpected_error, dropped (in-flight cap or no free shopper), aborted (cut short by a stop).', labelNames: ['scenario', 'outcome'], registers: [registry] });
    this.duration = new Histogram({ name: 'loadgen_scenario_duration_seconds', help: 'Time from the start of a scenario to its answer (ok, expected_failure or unexpected_error).', labelNames: ['scenario'], buckets: DURATION_BUCKETS, registers: [registry] });
    const current = (): RunGauges | undefined => this.current;
    this.inflight = new Gauge({
      name: 'loadgen_inflight',
      help: 'Scenarios in flight.',
      registers: [registry],
      collect() {
        this.set(current()?.inflight ?? 0);
      },
    });
    this.targetRate = new Gauge({
      name: 'loadgen_target_rate',
      help: 'Scenarios per second the current run aims at now (ramp included); 0 when idle.',
      registers: [registry],
      collect() {
        this.set(current()?.targetRate() ?? 0);
      },
    });
    // Every series at zero from the start, so rates and alerts see them before the first event.
    for (const scenario of SCENARIO_NAMES) {
      for (const outcome of OUTCOMES) this.scenarios.labels(scenario, outcome).inc(0);
      this.duration.labels(scenario);
    }
  }

  outcome(scenario: ScenarioName, outcome: Outcome, seconds?: number): void {
    this.scenarios.labels(scenario, outcome).inc();
    if (seconds !== undefined && (outcome === 'ok' || outcome === 'expected_failure' || outcome === 'unexpected_error')) this.duration.labels(scenario).observe(seconds);
  }
}
