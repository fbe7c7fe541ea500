// Original file: protos/mercato/inventory/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface StockReleased {
  'productId'?: (string);
  'orderId'?: (string);
  'quantity'?: (number | string | Long);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface StockReleased__Output {
  'productId': (string);
  'orderId': (string);
  'quantity': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
