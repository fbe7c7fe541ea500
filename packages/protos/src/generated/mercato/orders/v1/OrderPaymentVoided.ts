// Original file: protos/mercato/orders/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * Compensation: the order's payment authorization was voided.
 */
export interface OrderPaymentVoided {
  'orderId'?: (string);
  'customerId'?: (string);
  'paymentId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * Compensation: the order's payment authorization was voided.
 */
export interface OrderPaymentVoided__Output {
  'orderId': (string);
  'customerId': (string);
  'paymentId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
