// Original file: protos/mercato/payments/v1/payments.proto

import type { Payment as _mercato_payments_v1_Payment, Payment__Output as _mercato_payments_v1_Payment__Output } from '../../../mercato/payments/v1/Payment';

export interface AuthorizeResponse {
  /**
   * Status AUTHORIZED or DECLINED.
   */
  'payment'?: (_mercato_payments_v1_Payment | null);
}

export interface AuthorizeResponse__Output {
  /**
   * Status AUTHORIZED or DECLINED.
   */
  'payment': (_mercato_payments_v1_Payment__Output | null);
}
