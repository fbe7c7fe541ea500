// Original file: protos/mercato/cart/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CartCleared {
  'cartId'?: (string);
  'ownerId'?: (string);
  /**
   * Set when the cart was emptied by a placed order.
   */
  'orderId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface CartCleared__Output {
  'cartId': (string);
  'ownerId': (string);
  /**
   * Set when the cart was emptied by a placed order.
   */
  'orderId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
