// Original file: protos/mercato/orders/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderStockReserved {
  'orderId'?: (string);
  'customerId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderStockReserved__Output {
  'orderId': (string);
  'customerId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
