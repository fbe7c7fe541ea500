// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { ReadDirection as _mercato_eventstore_v1_ReadDirection, ReadDirection__Output as _mercato_eventstore_v1_ReadDirection__Output } from '../../../mercato/eventstore/v1/ReadDirection';
import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from '../../../google/protobuf/Empty';
import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';
import type { EventFilter as _mercato_eventstore_v1_EventFilter, EventFilter__Output as _mercato_eventstore_v1_EventFilter__Output } from '../../../mercato/eventstore/v1/EventFilter';
import type { Long } from '@grpc/proto-loader';

export interface ReadAllRequest {
  'direction'?: (_mercato_eventstore_v1_ReadDirection);
  'start'?: (_google_protobuf_Empty | null);
  'end'?: (_google_protobuf_Empty | null);
  /**
   * Inclusive.
   */
  'position'?: (_mercato_eventstore_v1_Position | null);
  /**
   * 0 means 1000; at most 10000.
   */
  'maxCount'?: (number | string | Long);
  /**
   * Unset: every non-system event.
   */
  'filter'?: (_mercato_eventstore_v1_EventFilter | null);
  /**
   * Unset means start when forwards, end when backwards.
   */
  'from'?: "start"|"end"|"position";
}

export interface ReadAllRequest__Output {
  'direction': (_mercato_eventstore_v1_ReadDirection__Output);
  'start'?: (_google_protobuf_Empty__Output | null);
  'end'?: (_google_protobuf_Empty__Output | null);
  /**
   * Inclusive.
   */
  'position'?: (_mercato_eventstore_v1_Position__Output | null);
  /**
   * 0 means 1000; at most 10000.
   */
  'maxCount': (string);
  /**
   * Unset: every non-system event.
   */
  'filter': (_mercato_eventstore_v1_EventFilter__Output | null);
  /**
   * Unset means start when forwards, end when backwards.
   */
  'from'?: "start"|"end"|"position";
}
