// The risk service's set-up, shared by main.ts and the integration tests: the decisions and
// snapshot tables, the feature store following the event store, the model, and the gRPC API.
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { ConfigError, env, type Config, type Kit } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { RISK_SERVICE, RiskApi, riskAccess, riskHandlers } from './api';
import { FeatureFollower } from './features/follower';
import { RiskMetrics } from './metrics';
import { shippedModel, type RiskModel } from './model/model';
import { DecisionBook, DecisionStore } from './store/decisions';
import { SnapshotStore } from './store/snapshots';

export const riskConfig = {
  RISK_REVIEW_THRESHOLD: env.number({ default: 0.5, min: 0, max: 1 }),
  RISK_DECLINE_THRESHOLD: env.number({ default: 0.85, min: 0, max: 1 }),
};
export type RiskConfig = Config<typeof riskConfig>;

/** Decisions are kept this long (a saga retries within minutes; days leave room for investigations). */
const DECISION_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

export interface RiskSetupOptions {
  model?: RiskModel;
  snapshotEvery?: number;
  snapshotIntervalMs?: number;
}

/** The set-up with options tests may change (snapshot cadence, another model). */
export function riskSetup(options: RiskSetupOptions = {}): (kit: Kit<RiskConfig>) => Promise<void> {
  return async (kit) => {
    const thresholds = { review: kit.config.RISK_REVIEW_THRESHOLD, decline: kit.config.RISK_DECLINE_THRESHOLD };
    if (thresholds.decline <= thresholds.review) {
      throw new ConfigError('RISK_DECLINE_THRESHOLD', `a number above RISK_REVIEW_THRESHOLD (${thresholds.review})`, String(thresholds.decline));
    }
    const model = options.model ?? shippedModel();
    const metrics = new RiskMetrics(kit.metrics.registry);
    metrics.model.set({ version: model.version }, 1);

    const db = await kit.database();
    const decisionTable = new DecisionStore(db);
    const snapshots = new SnapshotStore(db);
    await decisionTable.migrate();
    await snapshots.migrate();
    const decisions = new DecisionBook({ store: decisionTable, log: kit.log, metrics });
    const loaded = await decisions.load();

    const source = clientStore(new EventStoreClient(kit.client<EventStoreServiceDefinition>('eventstore')));
    const features = new FeatureFollower({
      source,
      snapshots,
      log: kit.log,
      metrics,
      ...(options.snapshotEvery ? { snapshotEvery: options.snapshotEvery } : {}),
      ...(options.snapshotIntervalMs ? { snapshotIntervalMs: options.snapshotIntervalMs } : {}),
    });
    await features.restore();
    kit.addHealthCheck('features', () => features.check());

    const api = new RiskApi({ features, decisions, model, thresholds, metrics });
    kit.serve(RISK_SERVICE, riskHandlers(api), riskAccess);
    features.start();
    decisions.start();
    kit.log.info({ model: model.version, ...thresholds, decisions: loaded }, 'risk model loaded');

    const pruning = setInterval(() => {
      decisionTable.prune(DECISION_RETENTION_DAYS).catch((err: Error) => kit.log.warn({ err: err.message }, 'pruning old decisions failed'));
    }, PRUNE_EVERY_MS);
    pruning.unref();
    // Shutdown hooks run in reverse: the follower snapshots and the book writes what is pending
    // before the database closes (the server has drained: no new decisions come in).
    kit.onShutdown(async () => {
      clearInterval(pruning);
      await features.stop();
      await decisions.stop();
    });
  };
}

export const setupRisk = riskSetup();
