// Original file: protos/mercato/payments/v1/events.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { DeclineReason as _mercato_payments_v1_DeclineReason, DeclineReason__Output as _mercato_payments_v1_DeclineReason__Output } from '../../../mercato/payments/v1/DeclineReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface PaymentDeclined {
  'paymentId'?: (string);
  'orderId'?: (string);
  'customerId'?: (string);
  'idempotencyKey'?: (string);
  'amount'?: (_mercato_common_v1_Money | null);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  'cardFingerprint'?: (string);
  'reason'?: (_mercato_payments_v1_DeclineReason);
  'message'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface PaymentDeclined__Output {
  'paymentId': (string);
  'orderId': (string);
  'customerId': (string);
  'idempotencyKey': (string);
  'amount': (_mercato_common_v1_Money__Output | null);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  'cardFingerprint': (string);
  'reason': (_mercato_payments_v1_DeclineReason__Output);
  'message': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
