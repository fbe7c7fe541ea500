// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Point {
  'time'?: (_google_protobuf_Timestamp | null);
  'value'?: (number | string);
}

export interface Point__Output {
  'time': (_google_protobuf_Timestamp__Output | null);
  'value': (number);
}
