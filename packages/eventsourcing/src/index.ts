// The event-sourcing toolkit: deciders, the protobuf event codec, metadata and trace links, the
// command handler, and exactly-once projections, over the event store in-process or over gRPC.
export { fold, inSequence, assertNever, type Decider, type Message } from './decider';
export {
  DomainError,
  InvalidArgumentError,
  FailedPreconditionError,
  NotFoundError,
  ConcurrencyConflictError,
  UnknownEventTypeError,
  GRPC_STATUS,
  type ErrorCode,
} from './errors';
export { encodeEvent, decodeEvent, commandEventId, eventIds, PROTOBUF, type DomainEvent } from './codec';
export {
  eventMetadata,
  consumerSpan,
  producerLink,
  TRACEPARENT,
  TRACESTATE,
  CORRELATION_ID,
  CAUSATION_ID,
  USER_ID,
  type MetadataInput,
  type ConsumedEvent,
} from './metadata';
export * from './ports';
export { engineStore, clientStore, isWrongExpectedRevision, type EngineLike, type ClientLike } from './adapters';
export { handleCommand, type HandleOptions, type HandleResult } from './command-handler';
export { StreamCache, type StreamCacheOptions, type StreamView } from './stream-cache';
export { runProjection, rebuildProjection, migrateProjections, loadProjectionCheckpoint, pause, type ProjectionOptions, type Progress } from './projection';
export { given, type Then } from './testing';
