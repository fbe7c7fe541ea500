// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { PaymentStatus as _mercato_payments_v1_PaymentStatus, PaymentStatus__Output as _mercato_payments_v1_PaymentStatus__Output } from '../../../mercato/payments/v1/PaymentStatus';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface PaymentView {
  'paymentId'?: (string);
  'status'?: (_mercato_payments_v1_PaymentStatus);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  'authorizedAmount'?: (_mercato_common_v1_Money | null);
  'capturedAmount'?: (_mercato_common_v1_Money | null);
  'refundedAmount'?: (_mercato_common_v1_Money | null);
}

export interface PaymentView__Output {
  'paymentId': (string);
  'status': (_mercato_payments_v1_PaymentStatus__Output);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  'authorizedAmount': (_mercato_common_v1_Money__Output | null);
  'capturedAmount': (_mercato_common_v1_Money__Output | null);
  'refundedAmount': (_mercato_common_v1_Money__Output | null);
}
