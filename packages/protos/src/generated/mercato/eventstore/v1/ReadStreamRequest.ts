// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { ReadDirection as _mercato_eventstore_v1_ReadDirection, ReadDirection__Output as _mercato_eventstore_v1_ReadDirection__Output } from '../../../mercato/eventstore/v1/ReadDirection';
import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from '../../../google/protobuf/Empty';
import type { Long } from '@grpc/proto-loader';

export interface ReadStreamRequest {
  'stream'?: (string);
  'direction'?: (_mercato_eventstore_v1_ReadDirection);
  'start'?: (_google_protobuf_Empty | null);
  'end'?: (_google_protobuf_Empty | null);
  /**
   * Inclusive.
   */
  'revision'?: (number | string | Long);
  /**
   * 0 means 1000; at most 10000.
   */
  'maxCount'?: (number | string | Long);
  /**
   * Unset means start when forwards, end when backwards.
   */
  'from'?: "start"|"end"|"revision";
}

export interface ReadStreamRequest__Output {
  'stream': (string);
  'direction': (_mercato_eventstore_v1_ReadDirection__Output);
  'start'?: (_google_protobuf_Empty__Output | null);
  'end'?: (_google_protobuf_Empty__Output | null);
  /**
   * Inclusive.
   */
  'revision'?: (string);
  /**
   * 0 means 1000; at most 10000.
   */
  'maxCount': (string);
  /**
   * Unset means start when forwards, end when backwards.
   */
  'from'?: "start"|"end"|"revision";
}
