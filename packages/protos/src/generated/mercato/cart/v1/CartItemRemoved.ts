// Original file: protos/mercato/cart/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CartItemRemoved {
  'cartId'?: (string);
  'ownerId'?: (string);
  'productId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface CartItemRemoved__Output {
  'cartId': (string);
  'ownerId': (string);
  'productId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
