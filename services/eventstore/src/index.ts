// The event store service: its setup (for in-process starts), handlers, client and storage engine.
export { eventStoreConfig, setupEventStore, type EventStoreConfig, type SetupHooks } from './api/service';
export { EVENTSTORE_SERVICE, eventStoreHandlers, eventStoreValidation } from './api';
export { EventStoreClient, wrongExpectedRevision, streamDeleted, type ClientOptions } from './client';
export { STATUS_DETAILS_KEY, decodeStatus, readStatusDetails, findDetail } from './api/details';
export * from './store';
export { startTestEventStore, type TestEventStore } from './testing';
