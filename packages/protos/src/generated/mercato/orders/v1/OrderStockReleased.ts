// Original file: protos/mercato/orders/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * Compensation: the order's stock reservation was released.
 */
export interface OrderStockReleased {
  'orderId'?: (string);
  'customerId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * Compensation: the order's stock reservation was released.
 */
export interface OrderStockReleased__Output {
  'orderId': (string);
  'customerId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
