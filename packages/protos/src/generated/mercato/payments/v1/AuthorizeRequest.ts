// Original file: protos/mercato/payments/v1/payments.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { PaymentCard as _mercato_payments_v1_PaymentCard, PaymentCard__Output as _mercato_payments_v1_PaymentCard__Output } from '../../../mercato/payments/v1/PaymentCard';

export interface AuthorizeRequest {
  /**
   * Client-chosen, unique per intended charge; the payment id is derived from it.
   */
  'idempotencyKey'?: (string);
  'orderId'?: (string);
  'customerId'?: (string);
  'amount'?: (_mercato_common_v1_Money | null);
  'cardToken'?: (string);
  'card'?: (_mercato_payments_v1_PaymentCard | null);
  'source'?: "cardToken"|"card";
}

export interface AuthorizeRequest__Output {
  /**
   * Client-chosen, unique per intended charge; the payment id is derived from it.
   */
  'idempotencyKey': (string);
  'orderId': (string);
  'customerId': (string);
  'amount': (_mercato_common_v1_Money__Output | null);
  'cardToken'?: (string);
  'card'?: (_mercato_payments_v1_PaymentCard__Output | null);
  'source'?: "cardToken"|"card";
}
