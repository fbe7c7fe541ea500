// Original file: protos/mercato/payments/v1/payments.proto

import type { CardBrand as _mercato_payments_v1_CardBrand, CardBrand__Output as _mercato_payments_v1_CardBrand__Output } from '../../../mercato/payments/v1/CardBrand';

/**
 * What may be shown and stored about a card.
 */
export interface CardSummary {
  'brand'?: (_mercato_payments_v1_CardBrand);
  'last4'?: (string);
  'expiryMonth'?: (number);
  'expiryYear'?: (number);
}

/**
 * What may be shown and stored about a card.
 */
export interface CardSummary__Output {
  'brand': (_mercato_payments_v1_CardBrand__Output);
  'last4': (string);
  'expiryMonth': (number);
  'expiryYear': (number);
}
