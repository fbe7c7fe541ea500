// Original file: protos/mercato/cart/v1/events.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CartItemQuantityChanged {
  'cartId'?: (string);
  'ownerId'?: (string);
  'productId'?: (string);
  /**
   * The new quantity of the line, at least 1.
   */
  'quantity'?: (number);
  'unitPrice'?: (_mercato_common_v1_Money | null);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface CartItemQuantityChanged__Output {
  'cartId': (string);
  'ownerId': (string);
  'productId': (string);
  /**
   * The new quantity of the line, at least 1.
   */
  'quantity': (number);
  'unitPrice': (_mercato_common_v1_Money__Output | null);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
