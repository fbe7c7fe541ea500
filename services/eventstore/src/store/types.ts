// The event store's public value types: what callers send and what they get back. The ones the
// event-sourcing toolkit shares (positions, appends, recorded events) are defined there, once.
import type { EventFilter, Position, StoredEvent } from '@mercato/eventsourcing';

export type { AppendResult, EventFilter, EventToAppend, ExpectedRevision, Position } from '@mercato/eventsourcing';

/** An event as stored: its stream, revision, `$all` position and creation time. */
export type RecordedEvent = StoredEvent;

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive; 'start' / 'end' pick the first / last event. Defaults to the end matching the direction. */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
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
