// Sentinel's predictions as Prometheus metrics (stable names: dashboards and alert rules use
// them). Per-signal gauges follow the signals: set every round, removed when a signal goes away.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PredictionRecord, Sentinel } from './engine';
import type { SignalSpec } from './signals/definitions';
import type { TargetStatus } from './sources/source';

const SIGNAL = ['service', 'signal'] as const;

export class SentinelMetrics {
  readonly predictedBreach: Gauge<'service' | 'signal' | 'kind'>;
  readonly breachEta: Gauge<'service' | 'signal'>;
  readonly confidence: Gauge<'service' | 'signal'>;
  readonly value: Gauge<'service' | 'signal'>;
  readonly forecast: Gauge<'service' | 'signal'>;
  readonly threshold: Gauge<'service' | 'signal'>;
  readonly anomaly: Gauge<'service' | 'signal'>;
  readonly open: Gauge<'service' | 'kind' | 'severity'>;
  readonly predictions: Counter<'service' | 'kind' | 'severity'>;
  readonly resolved: Counter<'service' | 'kind' | 'outcome'>;
  readonly breaches: Counter<'service' | 'kind' | 'predicted'>;
  readonly targetUp: Gauge<'target'>;
  readonly scrapes: Counter<'target' | 'outcome'>;
  readonly scrapeSeconds: Histogram<never>;
  readonly badLines: Counter<'target'>;
  readonly signals: Gauge<never>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.predictedBreach = new Gauge({ name: 'mercato_sentinel_predicted_breach', help: 'Whether a breach of the signal\'s line is predicted within the horizon (1) or not (0).', labelNames: [...SIGNAL, 'kind'], registers });
    this.breachEta = new Gauge({ name: 'mercato_sentinel_breach_eta_seconds', help: 'Seconds until the predicted breach (only while one is predicted).', labelNames: SIGNAL, registers });
    this.confidence = new Gauge({ name: 'mercato_sentinel_prediction_confidence', help: 'Probability, from 0 to 1, that the signal is over its line at the horizon (only while a breach is predicted).', labelNames: SIGNAL, registers });
    this.value = new Gauge({ name: 'mercato_sentinel_signal_value', help: 'The latest value of each watched signal.', labelNames: SIGNAL, registers });
    this.forecast = new Gauge({ name: 'mercato_sentinel_signal_forecast', help: 'The signal\'s trend at the horizon.', labelNames: SIGNAL, registers });
    this.threshold = new Gauge({ name: 'mercato_sentinel_signal_threshold', help: 'The line each signal is checked against.', labelNames: SIGNAL, registers });
    this.anomaly = new Gauge({ name: 'mercato_sentinel_anomaly_score', help: 'How far the signal is from its learned baseline, in standard deviations.', labelNames: SIGNAL, registers });
    this.open = new Gauge({ name: 'mercato_sentinel_predictions', help: 'Open predictions per service, kind and severity.', labelNames: ['service', 'kind', 'severity'], registers });
    this.predictions = new Counter({ name: 'mercato_sentinel_predictions_total', help: 'Predictions made, per service, kind and severity at the time they were made.', labelNames: ['service', 'kind', 'severity'], registers });
    this.resolved = new Counter({ name: 'mercato_sentinel_predictions_resolved_total', help: 'Predictions resolved, per outcome (breached: it happened; recovered: the trend went away; stale: the signal stopped).', labelNames: ['service', 'kind', 'outcome'], registers });
    this.breaches = new Counter({ name: 'mercato_sentinel_breaches_total', help: 'Signals that crossed their line, and whether a prediction was open when they did.', labelNames: ['service', 'kind', 'predicted'], registers });
    this.targetUp = new Gauge({ name: 'mercato_sentinel_target_up', help: 'Whether the last read of each target\'s metrics worked.', labelNames: ['target'], registers });
    this.scrapes = new Counter({ name: 'mercato_sentinel_scrapes_total', help: 'Reads of the targets\' metrics, per outcome.', labelNames: ['target', 'outcome'], registers });
    this.scrapeSeconds = new Histogram({ name: 'mercato_sentinel_scrape_seconds', help: 'Time to read and parse one target\'s metrics.', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
    this.badLines = new Counter({ name: 'mercato_sentinel_malformed_lines_total', help: 'Lines of the text format skipped as malformed, per target.', labelNames: ['target'], registers });
    this.signals = new Gauge({ name: 'mercato_sentinel_signals', help: 'Signals watched.', registers });
  }

  opened(p: PredictionRecord): void {
    this.predictions.inc({ service: p.service, kind: p.kind, severity: p.severity });
  }

  resolvedOne(p: PredictionRecord): void {
    this.resolved.inc({ service: p.service, kind: p.kind, outcome: p.outcome ?? 'recovered' });
  }

  breached(spec: SignalSpec, predicted: boolean): void {
    this.breaches.inc({ service: spec.service, kind: spec.kind, predicted: String(predicted) });
  }

  removed(spec: SignalSpec): void {
    const labels = { service: spec.service, signal: spec.name };
    for (const g of [this.breachEta, this.confidence, this.value, this.forecast, this.threshold, this.anomaly]) g.remove(labels);
    this.predictedBreach.remove({ ...labels, kind: spec.kind });
  }

  /** Refreshes the per-signal gauges from the models, after a round of reads. */
  sync(sentinel: Sentinel, now: number, horizonMs: number): void {
    this.open.reset();
    const all = sentinel.signals();
    this.signals.set(all.length);
    for (const model of all) {
      const { spec } = model;
      const labels = { service: spec.service, signal: spec.name };
      const latest = model.latest();
      if (latest) this.value.set(labels, latest.v);
      const a = model.assessment;
      const fit = model.trend();
      if (a && fit) this.forecast.set(labels, fit.level + fit.slope * (now - a.time + horizonMs));
      if (a) this.anomaly.set(labels, a.anomaly);
      if (spec.threshold !== undefined) this.threshold.set(labels, spec.threshold);
      const p = sentinel.predictionFor(spec.service, spec.name);
      this.predictedBreach.set({ ...labels, kind: spec.kind }, p ? 1 : 0);
      if (p) {
        this.breachEta.set(labels, Math.max(0, (p.breachTime - now) / 1000));
        this.confidence.set(labels, p.confidence);
        this.open.inc({ service: p.service, kind: p.kind, severity: p.severity });
      } else {
        this.breachEta.remove(labels);
        this.confidence.remove(labels);
      }
    }
  }

  targets(statuses: readonly TargetStatus[]): void {
    for (const s of statuses) this.targetUp.set({ target: s.service }, s.up ? 1 : 0);
  }
}
