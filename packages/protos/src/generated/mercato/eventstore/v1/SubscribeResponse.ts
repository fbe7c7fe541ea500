// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { RecordedEvent as _mercato_eventstore_v1_RecordedEvent, RecordedEvent__Output as _mercato_eventstore_v1_RecordedEvent__Output } from '../../../mercato/eventstore/v1/RecordedEvent';
import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';
import type { Long } from '@grpc/proto-loader';

/**
 * Every event that existed when the subscription started has been delivered; now live.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_CaughtUp {
  'position'?: (_mercato_eventstore_v1_Position | null);
  'streamRevision'?: (number | string | Long);
}

/**
 * Every event that existed when the subscription started has been delivered; now live.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_CaughtUp__Output {
  'position': (_mercato_eventstore_v1_Position__Output | null);
  'streamRevision': (string);
}

/**
 * Progress past events the filter left out, or a heartbeat while idle; store it as a checkpoint.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Checkpoint {
  'position'?: (_mercato_eventstore_v1_Position | null);
  /**
   * For stream subscriptions: the stream revision reached.
   */
  'streamRevision'?: (number | string | Long);
}

/**
 * Progress past events the filter left out, or a heartbeat while idle; store it as a checkpoint.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Checkpoint__Output {
  'position': (_mercato_eventstore_v1_Position__Output | null);
  /**
   * For stream subscriptions: the stream revision reached.
   */
  'streamRevision': (string);
}

/**
 * The first message: the subscription is registered.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Confirmation {
  'subscriptionId'?: (string);
}

/**
 * The first message: the subscription is registered.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Confirmation__Output {
  'subscriptionId': (string);
}

/**
 * Several events, in order (only when the request asked for max_batch_size > 1).
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Events {
  'events'?: (_mercato_eventstore_v1_RecordedEvent)[];
}

/**
 * Several events, in order (only when the request asked for max_batch_size > 1).
 */
export interface _mercato_eventstore_v1_SubscribeResponse_Events__Output {
  'events': (_mercato_eventstore_v1_RecordedEvent__Output)[];
}

/**
 * The subscriber was too slow for the live buffer and is catching up from the log again.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_FellBehind {
  'position'?: (_mercato_eventstore_v1_Position | null);
  'streamRevision'?: (number | string | Long);
}

/**
 * The subscriber was too slow for the live buffer and is catching up from the log again.
 */
export interface _mercato_eventstore_v1_SubscribeResponse_FellBehind__Output {
  'position': (_mercato_eventstore_v1_Position__Output | null);
  'streamRevision': (string);
}

export interface SubscribeResponse {
  'confirmation'?: (_mercato_eventstore_v1_SubscribeResponse_Confirmation | null);
  'event'?: (_mercato_eventstore_v1_RecordedEvent | null);
  'checkpoint'?: (_mercato_eventstore_v1_SubscribeResponse_Checkpoint | null);
  'caughtUp'?: (_mercato_eventstore_v1_SubscribeResponse_CaughtUp | null);
  'fellBehind'?: (_mercato_eventstore_v1_SubscribeResponse_FellBehind | null);
  'events'?: (_mercato_eventstore_v1_SubscribeResponse_Events | null);
  'content'?: "confirmation"|"event"|"checkpoint"|"caughtUp"|"fellBehind"|"events";
}

export interface SubscribeResponse__Output {
  'confirmation'?: (_mercato_eventstore_v1_SubscribeResponse_Confirmation__Output | null);
  'event'?: (_mercato_eventstore_v1_RecordedEvent__Output | null);
  'checkpoint'?: (_mercato_eventstore_v1_SubscribeResponse_Checkpoint__Output | null);
  'caughtUp'?: (_mercato_eventstore_v1_SubscribeResponse_CaughtUp__Output | null);
  'fellBehind'?: (_mercato_eventstore_v1_SubscribeResponse_FellBehind__Output | null);
  'events'?: (_mercato_eventstore_v1_SubscribeResponse_Events__Output | null);
  'content'?: "confirmation"|"event"|"checkpoint"|"caughtUp"|"fellBehind"|"events";
}
