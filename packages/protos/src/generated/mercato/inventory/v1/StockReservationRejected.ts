// Original file: protos/mercato/inventory/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * Recorded on each line's stream when an all-or-nothing reservation could not be met.
 */
export interface StockReservationRejected {
  'productId'?: (string);
  'orderId'?: (string);
  'requested'?: (number | string | Long);
  'available'?: (number | string | Long);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * Recorded on each line's stream when an all-or-nothing reservation could not be met.
 */
export interface StockReservationRejected__Output {
  'productId': (string);
  'orderId': (string);
  'requested': (string);
  'available': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
