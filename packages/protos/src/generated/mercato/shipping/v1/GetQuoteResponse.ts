// Original file: protos/mercato/shipping/v1/shipping.proto

import type { ShippingQuote as _mercato_shipping_v1_ShippingQuote, ShippingQuote__Output as _mercato_shipping_v1_ShippingQuote__Output } from '../../../mercato/shipping/v1/ShippingQuote';

export interface GetQuoteResponse {
  /**
   * One per available speed, cheapest first.
   */
  'quotes'?: (_mercato_shipping_v1_ShippingQuote)[];
}

export interface GetQuoteResponse__Output {
  /**
   * One per available speed, cheapest first.
   */
  'quotes': (_mercato_shipping_v1_ShippingQuote__Output)[];
}
