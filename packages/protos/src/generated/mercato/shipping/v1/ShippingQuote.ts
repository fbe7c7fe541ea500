// Original file: protos/mercato/shipping/v1/shipping.proto

import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface ShippingQuote {
  'speed'?: (_mercato_shipping_v1_ShippingSpeed);
  'cost'?: (_mercato_common_v1_Money | null);
  'carrier'?: (string);
  'minTransitDays'?: (number);
  'maxTransitDays'?: (number);
}

export interface ShippingQuote__Output {
  'speed': (_mercato_shipping_v1_ShippingSpeed__Output);
  'cost': (_mercato_common_v1_Money__Output | null);
  'carrier': (string);
  'minTransitDays': (number);
  'maxTransitDays': (number);
}
