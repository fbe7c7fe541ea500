// Original file: protos/mercato/gateway/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface UserRegistered {
  'userId'?: (string);
  'email'?: (string);
  'displayName'?: (string);
  /**
   * e.g. "admin"; empty for a customer.
   */
  'roles'?: (string)[];
  /**
   * The guest cart that was merged into the user's cart at sign-up, if any.
   */
  'guestCartId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface UserRegistered__Output {
  'userId': (string);
  'email': (string);
  'displayName': (string);
  /**
   * e.g. "admin"; empty for a customer.
   */
  'roles': (string)[];
  /**
   * The guest cart that was merged into the user's cart at sign-up, if any.
   */
  'guestCartId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
