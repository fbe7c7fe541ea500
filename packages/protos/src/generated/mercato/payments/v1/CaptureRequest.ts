// Original file: protos/mercato/payments/v1/payments.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface CaptureRequest {
  'paymentId'?: (string);
  /**
   * Up to the authorized amount; unset captures all of it.
   */
  'amount'?: (_mercato_common_v1_Money | null);
}

export interface CaptureRequest__Output {
  'paymentId': (string);
  /**
   * Up to the authorized amount; unset captures all of it.
   */
  'amount': (_mercato_common_v1_Money__Output | null);
}
