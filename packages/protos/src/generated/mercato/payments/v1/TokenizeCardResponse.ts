// Original file: protos/mercato/payments/v1/payments.proto

import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';

export interface TokenizeCardResponse {
  /**
   * Opaque; accepted by Authorize in place of the card.
   */
  'cardToken'?: (string);
  'card'?: (_mercato_payments_v1_CardSummary | null);
}

export interface TokenizeCardResponse__Output {
  /**
   * Opaque; accepted by Authorize in place of the card.
   */
  'cardToken': (string);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
}
