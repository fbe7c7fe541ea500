// Original file: protos/mercato/cart/v1/cart.proto

import type { CartItem as _mercato_cart_v1_CartItem, CartItem__Output as _mercato_cart_v1_CartItem__Output } from '../../../mercato/cart/v1/CartItem';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Cart {
  'cartId'?: (string);
  /**
   * User id of the owner; empty for a guest cart.
   */
  'ownerId'?: (string);
  'items'?: (_mercato_cart_v1_CartItem)[];
  /**
   * Sum of the line totals.
   */
  'subtotal'?: (_mercato_common_v1_Money | null);
  /**
   * Sum of the quantities.
   */
  'itemCount'?: (number);
  /**
   * Revision of the cart stream this view was folded from (for optimistic concurrency in callers).
   */
  'revision'?: (number | string | Long);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Cart__Output {
  'cartId': (string);
  /**
   * User id of the owner; empty for a guest cart.
   */
  'ownerId': (string);
  'items': (_mercato_cart_v1_CartItem__Output)[];
  /**
   * Sum of the line totals.
   */
  'subtotal': (_mercato_common_v1_Money__Output | null);
  /**
   * Sum of the quantities.
   */
  'itemCount': (number);
  /**
   * Revision of the cart stream this view was folded from (for optimistic concurrency in callers).
   */
  'revision': (string);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
