// Original file: protos/mercato/payments/v1/payments.proto

import type { PaymentCard as _mercato_payments_v1_PaymentCard, PaymentCard__Output as _mercato_payments_v1_PaymentCard__Output } from '../../../mercato/payments/v1/PaymentCard';

export interface TokenizeCardRequest {
  'card'?: (_mercato_payments_v1_PaymentCard | null);
  /**
   * Client-chosen (e.g. the checkout's idempotency key); a repeat returns the same token.
   */
  'idempotencyKey'?: (string);
}

export interface TokenizeCardRequest__Output {
  'card': (_mercato_payments_v1_PaymentCard__Output | null);
  /**
   * Client-chosen (e.g. the checkout's idempotency key); a repeat returns the same token.
   */
  'idempotencyKey': (string);
}
