// Original file: protos/mercato/payments/v1/events.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface PaymentRefunded {
  'paymentId'?: (string);
  'orderId'?: (string);
  'customerId'?: (string);
  'idempotencyKey'?: (string);
  'amount'?: (_mercato_common_v1_Money | null);
  'reason'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface PaymentRefunded__Output {
  'paymentId': (string);
  'orderId': (string);
  'customerId': (string);
  'idempotencyKey': (string);
  'amount': (_mercato_common_v1_Money__Output | null);
  'reason': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
