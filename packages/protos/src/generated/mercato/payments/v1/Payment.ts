// Original file: protos/mercato/payments/v1/payments.proto

import type { PaymentStatus as _mercato_payments_v1_PaymentStatus, PaymentStatus__Output as _mercato_payments_v1_PaymentStatus__Output } from '../../../mercato/payments/v1/PaymentStatus';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { DeclineReason as _mercato_payments_v1_DeclineReason, DeclineReason__Output as _mercato_payments_v1_DeclineReason__Output } from '../../../mercato/payments/v1/DeclineReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Payment {
  'paymentId'?: (string);
  'orderId'?: (string);
  'customerId'?: (string);
  'status'?: (_mercato_payments_v1_PaymentStatus);
  'authorizedAmount'?: (_mercato_common_v1_Money | null);
  'capturedAmount'?: (_mercato_common_v1_Money | null);
  'refundedAmount'?: (_mercato_common_v1_Money | null);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  /**
   * Set when status is DECLINED.
   */
  'declineReason'?: (_mercato_payments_v1_DeclineReason);
  /**
   * A message that can be shown to the shopper, e.g. "Your card has insufficient funds."
   */
  'declineMessage'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Payment__Output {
  'paymentId': (string);
  'orderId': (string);
  'customerId': (string);
  'status': (_mercato_payments_v1_PaymentStatus__Output);
  'authorizedAmount': (_mercato_common_v1_Money__Output | null);
  'capturedAmount': (_mercato_common_v1_Money__Output | null);
  'refundedAmount': (_mercato_common_v1_Money__Output | null);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  /**
   * Set when status is DECLINED.
   */
  'declineReason': (_mercato_payments_v1_DeclineReason__Output);
  /**
   * A message that can be shown to the shopper, e.g. "Your card has insufficient funds."
   */
  'declineMessage': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
