// Original file: protos/mercato/gateway/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface UserSignedIn {
  'userId'?: (string);
  'guestCartId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface UserSignedIn__Output {
  'userId': (string);
  'guestCartId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
