// The risk service's own Prometheus series (names are part of its API): decisions, rules and
// reasons, repeated assessments, and the feature store's progress and size.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export class RiskMetrics {
  readonly decisions: Counter<'decision'>;
  readonly ruleHits: Counter<'rule'>;
  readonly reasons: Counter<'code'>;
  readonly score: Histogram;
  readonly repeats: Counter<'source'>;
  readonly decisionWrites: Counter<'outcome'>;
  readonly pendingDecisions: Gauge;
  readonly featureEvents: Counter<'outcome'>;
  readonly featureLag: Gauge;
  readonly checkpoint: Gauge;
  readonly ready: Gauge;
  readonly entities: Gauge<'kind'>;
  readonly snapshots: Counter<'outcome'>;
  readonly snapshotBytes: Gauge;
  readonly model: Gauge<'version'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.decisions = new Counter({ name: 'mercato_risk_decisions_total', help: 'New risk decisions, by decision (approve, review, decline).', labelNames: ['decision'], registers });
    this.ruleHits = new Counter({ name: 'mercato_risk_rule_hits_total', help: 'Explicit rules that fired in new decisions, by rule.', labelNames: ['rule'], registers });
    this.reasons = new Counter({ name: 'mercato_risk_reasons_total', help: 'Reasons given with new decisions, by reason code.', labelNames: ['code'], registers });
    this.score = new Histogram({ name: 'mercato_risk_score', help: 'Model fraud probability of new decisions.', buckets: [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.85, 0.95], registers });
    this.repeats = new Counter({ name: 'mercato_risk_repeat_assessments_total', help: 'Assess calls answered with an earlier decision, by where it was found (memory: decided or loaded by this process; log: recorded by the orders saga).', labelNames: ['source'], registers });
    this.decisionWrites = new Counter({ name: 'mercato_risk_decision_writes_total', help: 'Decisions written behind to the database: stored, kept_earlier (another replica decided first), failed (retried), dropped.', labelNames: ['outcome'], registers });
    this.pendingDecisions = new Gauge({ name: 'mercato_risk_decisions_pending', help: 'Decisions answered but not yet written to the database.', registers });
    this.featureEvents = new Counter({ name: 'mercato_risk_feature_events_total', help: 'Events read by the feature store: applied, or skipped as unreadable.', labelNames: ['outcome'], registers });
    this.featureLag = new Gauge({ name: 'mercato_risk_feature_lag_seconds', help: 'Age of the last event the feature store applied (0 once caught up).', registers });
    this.checkpoint = new Gauge({ name: 'mercato_risk_feature_checkpoint_commit', help: 'The $all commit position the feature store reflects.', registers });
    this.ready = new Gauge({ name: 'mercato_risk_features_ready', help: '1 once the feature store has caught up with the event store since start.', registers });
    this.entities = new Gauge({ name: 'mercato_risk_feature_entities', help: 'Entries in the feature store, by kind (customers, cards, addresses, orders).', labelNames: ['kind'], registers });
    this.snapshots = new Counter({ name: 'mercato_risk_snapshots_total', help: 'Feature-store snapshots written (saved, superseded by a newer one, failed).', labelNames: ['outcome'], registers });
    this.snapshotBytes = new Gauge({ name: 'mercato_risk_snapshot_bytes', help: 'Size of the last feature-store snapshot (gzipped JSON).', registers });
    this.model = new Gauge({ name: 'mercato_risk_model_info', help: 'The model in use (value 1, version as a label).', labelNames: ['version'], registers });
    for (const decision of ['approve', 'review', 'decline']) this.decisions.inc({ decision }, 0);
    this.ready.set(0);
  }
}
