// For other services' tests: a real event store started in-process on free ports (PGlite in
// memory by default, or a PostgreSQL database), with its client and one call to stop both.
import { startService, testServiceEnv, type RunningService } from '@mercato/kit';
import { EventStoreClient } from './client';
import { eventStoreConfig, setupEventStore, type EventStoreConfig } from './api/service';

export interface TestEventStore {
  /** host:port, for a service's EVENTSTORE_ADDR. */
  address: string;
  client: EventStoreClient;
  service: RunningService<EventStoreConfig>;
  stop(): Promise<void>;
}

export async function startTestEventStore(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<TestEventStore> {
  const env = testServiceEnv({ DATABASE_URL: options.databaseUrl, ...options.env });
  const service = await startService('eventstore', setupEventStore, { config: eventStoreConfig, env });
  const address = `127.0.0.1:${service.grpcPort}`;
  const client = EventStoreClient.connect(address);
  return {
    address,
    client,
    service,
    stop: async () => {
      client.close();
      await service.shutdown();
    },
  };
}
