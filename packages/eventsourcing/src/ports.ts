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

export interface EventStorePort {
  /** Every event of the stream, oldest first; [] when the stream does not exist. */
  readStream(stream: string): Promise<StoredEvent[]>;
  /** Appends atomically; throws ConcurrencyConflictError when `expected` does not hold. */
  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
}

export type SourceMessage = { kind: 'event'; event: StoredEvent } | { kind: 'checkpoint'; position: Position } | { kind: 'caught_up' };

/** A catch-up-then-live subscription to `$all`, after a position (exclusive). */
export interface EventSource {
  subscribe(options: { after: Position; filter?: EventFilter; signal: AbortSignal }): AsyncIterable<SourceMessage>;
}
