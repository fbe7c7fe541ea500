// Original file: protos/mercato/gateway/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface UserRolesChanged {
  'userId'?: (string);
  'roles'?: (string)[];
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface UserRolesChanged__Output {
  'userId': (string);
  'roles': (string)[];
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
