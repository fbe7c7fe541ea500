// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface TimelineEntry {
  /**
   * The event type, e.g. "mercato.orders.v1.OrderConfirmed".
   */
  'eventType'?: (string);
  /**
   * For people, e.g. "Payment authorized".
   */
  'description'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface TimelineEntry__Output {
  /**
   * The event type, e.g. "mercato.orders.v1.OrderConfirmed".
   */
  'eventType': (string);
  /**
   * For people, e.g. "Payment authorized".
   */
  'description': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
