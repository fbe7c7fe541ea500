// The event store service as a child process of the benchmark (its own CPU, like a deployment).
import { runService } from '@mercato/kit';
import { eventStoreConfig, setupEventStore } from '../../services/eventstore/src/api/service';

runService('eventstore', (kit) => setupEventStore(kit), { config: eventStoreConfig });
