// Original file: protos/mercato/cart/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * On the guest cart: it was merged and is closed; later commands on it are FAILED_PRECONDITION.
 */
export interface CartMergedInto {
  'cartId'?: (string);
  'targetCartId'?: (string);
  'ownerId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * On the guest cart: it was merged and is closed; later commands on it are FAILED_PRECONDITION.
 */
export interface CartMergedInto__Output {
  'cartId': (string);
  'targetCartId': (string);
  'ownerId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
