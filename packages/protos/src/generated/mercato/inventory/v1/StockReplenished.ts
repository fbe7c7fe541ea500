// Original file: protos/mercato/inventory/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface StockReplenished {
  'productId'?: (string);
  'replenishmentId'?: (string);
  'quantity'?: (number | string | Long);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface StockReplenished__Output {
  'productId': (string);
  'replenishmentId': (string);
  'quantity': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
