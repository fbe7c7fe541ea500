// What the toolkit needs from an event store, so the same code runs on the in-process engine and
// over gRPC (adapters.ts). The shapes mirror the engine's types (services/eventstore/src/store).

/** A place in `$all`, ordered by commit then prepare. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export const START: Position = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export type ExpectedRevision =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'exact'; revision: bigint };

export interface EventToAppend {
  id: string;
  type: string;
  data: Uint8Array;
  metadata: Record<string, string>;
  contentType?: string;
}

export interface StoredEvent {
  id: string;
  stream: string;
  type: string;
  revision: bigint;
  position: Position;
  data: Uint8Array;
  metadata: Record<string, string>;
  contentType: string;
  createdAt: Date;
}

export interface AppendResult {
  /** The revision of the stream's last event now. */
  nextExpectedRevision: bigint;
  position: Position;
}

export interface EventFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadStreamFrom {
  /** Only the events from this revision on (a cached fold catching up on its stream's tail). */
  fromRevision?: bigint;
}

export interface EventStorePort {
  /**
   * Every event of the stream (from `fromRevision` when given), oldest first; [] when the stream
   * does not exist. Callers that pass `fromRevision` still skip revisions they already hold, so a
   * port (e.g. a test wrapper) that ignores it stays correct.
   */
  readStream(stream: string, options?: ReadStreamFrom): Promise<StoredEvent[]>;
  /** The stream's last event; undefined when the stream does not exist (optional: snapshots use it when there). */
  readLastEvent?(stream: string): Promise<StoredEvent | undefined>;
  /** Appends atomically; throws ConcurrencyConflictError when `expected` does not hold. */
  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
}

export type SourceMessage = { kind: 'event'; event: StoredEvent } | { kind: 'checkpoint'; position: Position } | { kind: 'caught_up' };

/** A catch-up-then-live subscription to `$all`, after a position (exclusive). */
export interface EventSource {
  subscribe(options: { after: Position; filter?: EventFilter; signal: AbortSignal }): AsyncIterable<SourceMessage>;
}
