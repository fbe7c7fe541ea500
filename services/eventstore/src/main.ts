// Event store: wiring only.
import { runService } from '@mercato/kit';
import { eventStoreConfig, setupEventStore } from './api/service';

runService('eventstore', (kit) => setupEventStore(kit), { config: eventStoreConfig });
