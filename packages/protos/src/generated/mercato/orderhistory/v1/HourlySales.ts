// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Long } from '@grpc/proto-loader';

export interface HourlySales {
  'hourStartTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Confirmed orders placed in the hour.
   */
  'orderCount'?: (number | string | Long);
  'failedOrderCount'?: (number | string | Long);
  'revenue'?: (_mercato_common_v1_Money | null);
}

export interface HourlySales__Output {
  'hourStartTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Confirmed orders placed in the hour.
   */
  'orderCount': (string);
  'failedOrderCount': (string);
  'revenue': (_mercato_common_v1_Money__Output | null);
}
