// The event store's public value types: what callers send and what they get back.

/** A place in the global `$all` order: commit = writer transaction id, prepare = sequence position. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export type ExpectedRevision =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'exact'; revision: bigint };

export interface EventToAppend {
  /** A UUID chosen by the producer; re-sending the same id makes the append idempotent. */
  id: string;
  type: string;
  data: Uint8Array;
  metadata: Record<string, string>;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface AppendResult {
  /** The revision of the last event written (0-based): pass it as `exact` for the next append. */
  nextExpectedRevision: bigint;
  position: Position;
}

export interface RecordedEvent {
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

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive; 'start' / 'end' pick the first / last event. Defaults to the end matching the direction. */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream name starts with one of these. */
  streamPrefixes?: string[];
  /** Keep events whose type is one of these. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Exclusive: the events after (forwards) or before (backwards) this position. */
  fromPosition?: Position | 'start' | 'end';
  maxCount?: number;
  filter?: EventFilter;
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /**
   * Where the next read in the same direction should start: past every event this read examined,
   * including the ones a filter dropped (a filtered subscription's heartbeat position).
   */
  checkpoint: Position;
  /** True when the read reached the last committed event visible under the snapshot-xmin rule. */
  reachedEnd: boolean;
}

export interface StreamMetadata {
  maxCount?: number | undefined;
  maxAgeSeconds?: number | undefined;
}

export type SubscriptionTarget =
  | { kind: 'all'; from?: Position | 'start' | 'end' }
  | { kind: 'stream'; stream: string; fromRevision?: bigint | 'start' | 'end' };

export interface SubscribeOptions {
  to: SubscriptionTarget;
  filter?: EventFilter;
  /** Emit a checkpoint every n delivered events (and heartbeats while a filter drops everything). */
  checkpointEvery?: number;
  signal: AbortSignal;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'checkpoint'; position: Position }
  | { kind: 'caught_up' };

export interface Health {
  ok: boolean;
  backend: 'postgres' | 'pglite';
  error?: string;
}
