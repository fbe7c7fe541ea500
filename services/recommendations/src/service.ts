// The recommendations service's set-up, shared by main.ts and the integration tests: the model
// loaded from its last snapshot and kept current from the event store in the background, the
// catalog's content index, and the gRPC API over both.
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { env, type Config, type Kit } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { RECOMMENDATIONS_SERVICE, recommendationsAccess, recommendationsHandlers } from './api';
import { CatalogContent } from './catalog';
import { ModelRunner } from './learn/runner';
import { RecommendationMetrics } from './metrics';

export const recommendationsConfig = {
  RECOMMENDATIONS_SNAPSHOT_EVERY: env.int({ default: 1000, min: 1, max: 100_000_000 }),
};
export type RecommendationsConfig = Config<typeof recommendationsConfig>;

export async function setupRecommendations(kit: Kit<RecommendationsConfig>): Promise<void> {
  const db = await kit.database();
  const metrics = new RecommendationMetrics(kit.metrics.registry);
  const events = new EventStoreClient(kit.client<EventStoreServiceDefinition>('eventstore'));
  const runner = new ModelRunner({ db, source: clientStore(events), snapshotEvery: kit.config.RECOMMENDATIONS_SNAPSHOT_EVERY, log: kit.log, metrics });
  await runner.load();
  const catalog = new CatalogContent(kit.client<CatalogServiceDefinition>('catalog'), kit.log, metrics);
  kit.serve(
    RECOMMENDATIONS_SERVICE,
    recommendationsHandlers({ model: () => runner.model, content: () => catalog.current, lookup: (id, ctx) => catalog.lookup(id, ctx), metrics }),
    recommendationsAccess,
  );
  // Serving starts with the snapshot's model; catching up with the log runs alongside.
  runner.start();
  catalog.start();
  // Shutdown hooks run in reverse order: the final snapshot is saved before the kit closes the database.
  kit.onShutdown(async () => {
    catalog.stop();
    await runner.stop();
  });
}
