// The event store service's setup: settings, database, store, health, handlers, shutdown.
import { env, type Config, type Kit } from '@mercato/kit';
import type { Database } from '@mercato/db';
import { EventStore } from '../store';
import { EVENTSTORE_SERVICE, eventStoreHandlers, eventStoreValidation } from '../api';

/** The variables this service reads besides the kit's (service.yaml declares the limits). */
export const eventStoreConfig = {
  EVENTSTORE_MAX_APPEND_EVENTS: env.int({ default: 1000, min: 1, max: 10_000 }),
  EVENTSTORE_MAX_EVENT_BYTES: env.int({ default: 1024 * 1024, min: 1024, max: 16 * 1024 * 1024 }),
};

export type EventStoreConfig = Config<typeof eventStoreConfig>;

export interface SetupHooks {
  /** Tests: see the database and store the service runs on. */
  onOpen?: (db: Database, store: EventStore) => void;
}

export async function setupEventStore(kit: Kit<EventStoreConfig>, hooks: SetupHooks = {}): Promise<void> {
  const c = kit.config;
  // The store's own health check (with a timeout) stands in for the kit's ping.
  const db = await kit.database({ defaultPoolSize: 20, healthCheck: false });
  const store = new EventStore(db, {
    limits: {
      maxBatchEvents: c.EVENTSTORE_MAX_APPEND_EVENTS,
      maxEventBytes: c.EVENTSTORE_MAX_EVENT_BYTES,
      // A batch must fit one gRPC message; keep a margin for the envelope.
      maxBatchBytes: Math.max(c.EVENTSTORE_MAX_EVENT_BYTES, c.GRPC_MAX_MESSAGE_BYTES - 64 * 1024),
    },
    onError: (err) => kit.log.warn({ err: (err as Error).message }, 'event store recovered from an error'),
  });
  kit.onShutdown(() => store.close());
  const applied = await store.migrate();
  kit.log.info({ backend: db.kind, migrations_applied: applied }, 'event store ready');
  hooks.onOpen?.(db, store);
  kit.addHealthCheck('database', async () => {
    const health = await store.health(1_500);
    if (!health.ok) throw new Error(`${health.backend}: ${health.error ?? 'unhealthy'}`);
  });
  kit.serve(EVENTSTORE_SERVICE, eventStoreHandlers(store), { validate: eventStoreValidation(store) });
}
