// Original file: protos/mercato/payments/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface PaymentVoided {
  'paymentId'?: (string);
  'orderId'?: (string);
  'customerId'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface PaymentVoided__Output {
  'paymentId': (string);
  'orderId': (string);
  'customerId': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
