// The order-history service's set-up, shared by main.ts and the integration tests: the read
// model's database, the projection running in the background, and the gRPC API over both.
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import type { Config, Kit } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { orderHistoryAccess, orderHistoryHandlers } from './api';
import { ProjectionMetrics, ProjectionRunner } from './projection';
import { migrate } from './store/read-model';

export const ORDER_HISTORY_SERVICE = 'mercato.orderhistory.v1.OrderHistoryService';

/** No settings of its own (service.yaml `settings: []`): the kit's DATABASE_URL / DATA_DIR and EVENTSTORE_ADDR. */
export const orderHistoryConfig = {};
export type OrderHistoryConfig = Config<typeof orderHistoryConfig>;

export async function setupOrderHistory(kit: Kit<OrderHistoryConfig>): Promise<void> {
  // Health follows a database ping (the kit's check) and the projection (ours, below).
  const db = await kit.database();
  await migrate(db);
  const eventStore = new EventStoreClient(kit.client<EventStoreServiceDefinition>('eventstore'));
  const projection = new ProjectionRunner(db, clientStore(eventStore), kit.log, new ProjectionMetrics(kit.metrics.registry));
  kit.addHealthCheck('projection', () => projection.check());
  kit.serve(ORDER_HISTORY_SERVICE, orderHistoryHandlers(db), orderHistoryAccess);
  projection.start();
  // Shutdown hooks run in reverse order: the projection stops before the kit closes the database.
  kit.onShutdown(() => projection.stop());
}
