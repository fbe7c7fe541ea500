// The event store's storage engine: import from here.
export { EventStore, type EventStoreOptions } from './event-store';
export * from './errors';
export * from './types';
export { DEFAULT_LIMITS, type Limits } from './limits';
export { START, comparePositions, positionToString, parsePosition } from './position';
export { saveCheckpoint, loadCheckpoint, deleteCheckpoint } from './checkpoints';
export { SCHEMA_VERSION } from './schema';
