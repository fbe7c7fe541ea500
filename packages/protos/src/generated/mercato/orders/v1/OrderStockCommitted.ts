// Original file: protos/mercato/orders/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderStockCommitted {
  'orderId'?: (string);
  'customerId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderStockCommitted__Output {
  'orderId': (string);
  'customerId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
