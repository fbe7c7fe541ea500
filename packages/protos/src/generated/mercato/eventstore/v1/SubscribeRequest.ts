// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from '../../../google/protobuf/Empty';
import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';
import type { EventFilter as _mercato_eventstore_v1_EventFilter, EventFilter__Output as _mercato_eventstore_v1_EventFilter__Output } from '../../../mercato/eventstore/v1/EventFilter';
import type { Long } from '@grpc/proto-loader';

/**
 * To every stream, through $all.
 */
export interface _mercato_eventstore_v1_SubscribeRequest_AllOptions {
  'start'?: (_google_protobuf_Empty | null);
  /**
   * Only new events.
   */
  'end'?: (_google_protobuf_Empty | null);
  /**
   * Exclusive: events after this position (a checkpoint).
   */
  'afterPosition'?: (_mercato_eventstore_v1_Position | null);
  'filter'?: (_mercato_eventstore_v1_EventFilter | null);
  /**
   * Unset means start.
   */
  'from'?: "start"|"end"|"afterPosition";
}

/**
 * To every stream, through $all.
 */
export interface _mercato_eventstore_v1_SubscribeRequest_AllOptions__Output {
  'start'?: (_google_protobuf_Empty__Output | null);
  /**
   * Only new events.
   */
  'end'?: (_google_protobuf_Empty__Output | null);
  /**
   * Exclusive: events after this position (a checkpoint).
   */
  'afterPosition'?: (_mercato_eventstore_v1_Position__Output | null);
  'filter': (_mercato_eventstore_v1_EventFilter__Output | null);
  /**
   * Unset means start.
   */
  'from'?: "start"|"end"|"afterPosition";
}

/**
 * To one stream.
 */
export interface _mercato_eventstore_v1_SubscribeRequest_StreamOptions {
  'stream'?: (string);
  'start'?: (_google_protobuf_Empty | null);
  /**
   * Only new events.
   */
  'end'?: (_google_protobuf_Empty | null);
  /**
   * Exclusive: events after this revision (a checkpoint).
   */
  'afterRevision'?: (number | string | Long);
  /**
   * Only these types; empty for all.
   */
  'eventTypes'?: (string)[];
  /**
   * Unset means start.
   */
  'from'?: "start"|"end"|"afterRevision";
}

/**
 * To one stream.
 */
export interface _mercato_eventstore_v1_SubscribeRequest_StreamOptions__Output {
  'stream': (string);
  'start'?: (_google_protobuf_Empty__Output | null);
  /**
   * Only new events.
   */
  'end'?: (_google_protobuf_Empty__Output | null);
  /**
   * Exclusive: events after this revision (a checkpoint).
   */
  'afterRevision'?: (string);
  /**
   * Only these types; empty for all.
   */
  'eventTypes': (string)[];
  /**
   * Unset means start.
   */
  'from'?: "start"|"end"|"afterRevision";
}

export interface SubscribeRequest {
  'all'?: (_mercato_eventstore_v1_SubscribeRequest_AllOptions | null);
  'stream'?: (_mercato_eventstore_v1_SubscribeRequest_StreamOptions | null);
  /**
   * Longest time without a message before a checkpoint is sent; 0 means 1000.
   */
  'checkpointIntervalMs'?: (number);
  /**
   * Most events in one message: 0 or 1 sends every event as `event`; more lets the server send
   * the events it has ready (catching up, or a burst) together as `events`, in order.
   */
  'maxBatchSize'?: (number);
  'target'?: "all"|"stream";
}

export interface SubscribeRequest__Output {
  'all'?: (_mercato_eventstore_v1_SubscribeRequest_AllOptions__Output | null);
  'stream'?: (_mercato_eventstore_v1_SubscribeRequest_StreamOptions__Output | null);
  /**
   * Longest time without a message before a checkpoint is sent; 0 means 1000.
   */
  'checkpointIntervalMs': (number);
  /**
   * Most events in one message: 0 or 1 sends every event as `event`; more lets the server send
   * the events it has ready (catching up, or a burst) together as `events`, in order.
   */
  'maxBatchSize': (number);
  'target'?: "all"|"stream";
}
