// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface GetSalesFiguresRequest {
  /**
   * Inclusive; unset means 24 hours before end_time.
   */
  'startTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Exclusive; unset means now.
   */
  'endTime'?: (_google_protobuf_Timestamp | null);
  /**
   * How many top products; 0 means 10.
   */
  'topProductsLimit'?: (number);
}

export interface GetSalesFiguresRequest__Output {
  /**
   * Inclusive; unset means 24 hours before end_time.
   */
  'startTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Exclusive; unset means now.
   */
  'endTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * How many top products; 0 means 10.
   */
  'topProductsLimit': (number);
}
