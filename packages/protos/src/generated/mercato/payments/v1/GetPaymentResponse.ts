// Original file: protos/mercato/payments/v1/payments.proto

import type { Payment as _mercato_payments_v1_Payment, Payment__Output as _mercato_payments_v1_Payment__Output } from '../../../mercato/payments/v1/Payment';

export interface GetPaymentResponse {
  'payment'?: (_mercato_payments_v1_Payment | null);
}

export interface GetPaymentResponse__Output {
  'payment': (_mercato_payments_v1_Payment__Output | null);
}
