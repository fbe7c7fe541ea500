// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * An event as stored.
 */
export interface RecordedEvent {
  'id'?: (string);
  'stream'?: (string);
  'revision'?: (number | string | Long);
  'position'?: (_mercato_eventstore_v1_Position | null);
  'type'?: (string);
  'data'?: (Buffer | Uint8Array | string);
  'metadata'?: ({[key: string]: string});
  'contentType'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * An event as stored.
 */
export interface RecordedEvent__Output {
  'id': (string);
  'stream': (string);
  'revision': (string);
  'position': (_mercato_eventstore_v1_Position__Output | null);
  'type': (string);
  'data': (Buffer);
  'metadata': ({[key: string]: string});
  'contentType': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
