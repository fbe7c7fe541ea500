// Original file: protos/mercato/payments/v1/payments.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface RefundRequest {
  'paymentId'?: (string);
  /**
   * Up to the captured amount not yet refunded; unset refunds all of it.
   */
  'amount'?: (_mercato_common_v1_Money | null);
  /**
   * Client-chosen, unique per intended refund.
   */
  'idempotencyKey'?: (string);
  'reason'?: (string);
}

export interface RefundRequest__Output {
  'paymentId': (string);
  /**
   * Up to the captured amount not yet refunded; unset refunds all of it.
   */
  'amount': (_mercato_common_v1_Money__Output | null);
  /**
   * Client-chosen, unique per intended refund.
   */
  'idempotencyKey': (string);
  'reason': (string);
}
