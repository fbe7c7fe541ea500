// Original file: protos/mercato/cart/v1/events.proto

import type { MergedItem as _mercato_cart_v1_MergedItem, MergedItem__Output as _mercato_cart_v1_MergedItem__Output } from '../../../mercato/cart/v1/MergedItem';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * On the user's cart: lines taken over from a guest cart.
 */
export interface GuestCartMerged {
  'cartId'?: (string);
  'ownerId'?: (string);
  'guestCartId'?: (string);
  'items'?: (_mercato_cart_v1_MergedItem)[];
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * On the user's cart: lines taken over from a guest cart.
 */
export interface GuestCartMerged__Output {
  'cartId': (string);
  'ownerId': (string);
  'guestCartId': (string);
  'items': (_mercato_cart_v1_MergedItem__Output)[];
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
