// The service's own Prometheus series. Names and labels are part of its API (dashboards, alerts).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Source } from './model/recommender';

/** What served an answer, coarsely: the learned model, content similarity, or the popularity fallback. */
export type ServedBy = 'model' | 'content' | 'popularity' | 'none';

export function servedBy(source: Source | undefined): ServedBy {
  switch (source) {
    case undefined:
      return 'none';
    case 'personal':
    case 'item_to_item':
    case 'bought_together':
      return 'model';
    case 'content':
      return 'content';
    case 'popularity':
      return 'popularity';
  }
}

export class RecommendationMetrics {
  /** Answers by the source of their first (best) item. */
  readonly served: Counter<'method' | 'source'>;
  /** Every item answered, by the signal that ranked it. */
  readonly items: Counter<'strategy'>;
  readonly events: Counter<'outcome'>;
  readonly modelVersion: Gauge;
  readonly position: Gauge;
  readonly lag: Gauge;
  readonly live: Gauge;
  readonly modelSize: Gauge<'kind'>;
  readonly snapshots: Counter<'outcome'>;
  readonly snapshotBytes: Gauge;
  readonly snapshotSeconds: Histogram<'operation'>;
  readonly catalogProducts: Gauge;
  readonly contentDegraded: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.served = new Counter({ name: 'mercato_recommendations_served_total', help: 'Answers by method and the source of their best item: model, content, popularity (fallback), or none (empty).', labelNames: ['method', 'source'], registers });
    this.items = new Counter({ name: 'mercato_recommendations_items_total', help: 'Recommended items by the signal that ranked them (personal, item_to_item, bought_together, content, popularity).', labelNames: ['strategy'], registers });
    this.events = new Counter({ name: 'mercato_recommendations_events_total', help: 'Consumed events: applied to the model, or skipped (unreadable or incomplete).', labelNames: ['outcome'], registers });
    this.modelVersion = new Gauge({ name: 'mercato_recommendations_model_version', help: 'Signals the model has applied since the beginning of the log.', registers });
    this.position = new Gauge({ name: 'mercato_recommendations_model_position_commit', help: 'The $all commit position the model has applied up to.', registers });
    this.lag = new Gauge({ name: 'mercato_recommendations_model_lag_seconds', help: 'Age of the last event applied when it was applied (0 once caught up).', registers });
    this.live = new Gauge({ name: 'mercato_recommendations_model_live', help: '1 once the subscription has caught up with the log, 0 while catching up or disconnected.', registers });
    this.modelSize = new Gauge({ name: 'mercato_recommendations_model_size', help: 'Entries the model holds: products, users, pairs.', labelNames: ['kind'], registers });
    this.snapshots = new Counter({ name: 'mercato_recommendations_snapshots_total', help: 'Model snapshots: saved, superseded (another replica saved a newer one), failed (to save), loaded, discarded (unreadable or another format: rebuilt from events).', labelNames: ['outcome'], registers });
    this.snapshotBytes = new Gauge({ name: 'mercato_recommendations_snapshot_bytes', help: 'Size of the last snapshot saved or loaded (compressed).', registers });
    this.snapshotSeconds = new Histogram({ name: 'mercato_recommendations_snapshot_seconds', help: 'Time to save or load a snapshot.', labelNames: ['operation'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
    this.catalogProducts = new Gauge({ name: 'mercato_recommendations_catalog_products', help: 'Products in the content-similarity index.', registers });
    this.contentDegraded = new Gauge({ name: 'mercato_recommendations_content_degraded', help: '1 while the catalog cannot be read: content similarity uses what it had, or nothing.', registers });
  }
}
